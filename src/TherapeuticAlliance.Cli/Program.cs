using TherapeuticAlliance.Cli;

return AllianceCli.Run(args, Console.Out, Console.Error);
