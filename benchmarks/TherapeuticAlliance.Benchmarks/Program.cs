using BenchmarkDotNet.Running;
using TherapeuticAlliance.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
