using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using Task = System.Threading.Tasks.Task;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>
/// Starts a real FHIR R4 server on loopback for the integration tests: Medplum's FHIR router (npm
/// <c>@medplum/fhir-router</c>, pinned in <c>tests/fhir-server/package-lock.json</c>) over its in-memory repository,
/// under Node. Installs the npm packages first when they are missing. Every request goes to 127.0.0.1 only.
/// </summary>
public sealed class FhirServer : IDisposable
{
    private readonly Process _process;

    public FhirServer()
    {
        string folder = Path.Combine(RepositoryRoot(), "tests", "fhir-server");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "fhir-router")))
        {
            Run(folder, "npm", "ci --no-audit --no-fund --loglevel=error", TimeSpan.FromMinutes(5));
        }

        var start = new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = "0";
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js 20 or later.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is not { } listening || !listening.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException("The local FHIR server did not start within 60 seconds.");
        }

        Client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + listening["listening ".Length..] + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; } = null!;

    /// <summary>Sends a resource (or nothing) to the server as FHIR JSON and reads the resource it answers with; a status that is not a success fails the test.</summary>
    public async Task<T> Send<T>(HttpMethod method, string path, Resource? body = null)
        where T : Resource
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(AllianceFhirMapper.ToJson(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        }

        using HttpResponseMessage response = await Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
        return AllianceFhirMapper.FromJson<T>(text).GetValueOrThrow();
    }

    public void Dispose()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TherapeuticAlliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (TherapeuticAlliance.sln) was not found above the test assembly.");
    }

    private static void Run(string folder, string command, string arguments, TimeSpan timeout)
    {
        using Process process = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = folder, UseShellExecute = false })
            ?? throw new InvalidOperationException(command + " could not be started.");
        if (!process.WaitForExit(timeout) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command} {arguments}' failed in {folder}.");
        }
    }
}

/// <summary>The transaction Bundle of a scored response, posted to a real FHIR server and read back by search (issue 11, part 4).</summary>
public sealed class FhirServerTests : IClassFixture<FhirServer>
{
    private static readonly AllianceFhirMapper Mapper = new();
    private readonly FhirServer _server;

    public FhirServerTests(FhirServer server) => _server = server;

    private Task<T> Send<T>(HttpMethod method, string path, Resource? body = null)
        where T : Resource => _server.Send<T>(method, path, body);

    [Fact]
    public async Task TransactionBundle_IsStored_AndTheObservationsAreFoundByDerivedFromCodeAndSubject()
    {
        Patient patient = await Send<Patient>(HttpMethod.Post, "Patient", new Patient());
        await Send<Questionnaire>(HttpMethod.Put, "Questionnaire/srs", AllianceFhirMapper.ToQuestionnaire(AllianceInstruments.Srs));

        // One response without an id (the Bundle creates it), one already stored on the server.
        QuestionnaireResponse Srs(int session, decimal value)
        {
            QuestionnaireResponse r = AllianceFhirMapper.ToQuestionnaireResponse(
                AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(session, new DateTimeOffset(2026, 3, session, 9, 0, 0, TimeSpan.Zero)), value, value, value, value).GetValueOrThrow());
            r.Subject = new ResourceReference("Patient/" + patient.Id);
            return r;
        }

        QuestionnaireResponse first = Srs(1, 9.5m);
        QuestionnaireResponse stored = await Send<QuestionnaireResponse>(HttpMethod.Post, "QuestionnaireResponse", Srs(2, 8.5m));
        Bundle transaction = Mapper.ToTransactionBundle(new[] { first, stored }, ScoringStrategies.Sum).GetValueOrThrow();
        Bundle result = await Send<Bundle>(HttpMethod.Post, string.Empty, transaction);
        Assert.Equal(Bundle.BundleType.TransactionResponse, result.Type);
        Assert.All(result.Entry, e => Assert.StartsWith("201", e.Response!.Status, StringComparison.Ordinal));
        string createdResponse = result.Entry[0].Response!.Location!.Split("/_history")[0];
        Assert.StartsWith("QuestionnaireResponse/", createdResponse, StringComparison.Ordinal);

        Bundle byDerivedFrom = await Send<Bundle>(HttpMethod.Get, "Observation?derived-from=" + createdResponse);
        Observation observation = Assert.IsType<Observation>(Assert.Single(byDerivedFrom.Entry).Resource!);
        Assert.Equal(38.0m, ((Quantity)observation.Value!).Value);
        Assert.Equal(createdResponse, observation.DerivedFrom.Single().Reference!);

        string code = Uri.EscapeDataString(FhirConventions.ScoreCodeSystem + "|" + FhirConventions.TotalCode("srs"));
        Bundle byCodeAndSubject = await Send<Bundle>(HttpMethod.Get, $"Observation?code={code}&subject=Patient/{patient.Id}");
        Assert.Equal(new[] { 34.0m, 38.0m }, byCodeAndSubject.Entry.Select(e => ((Quantity)((Observation)e.Resource!).Value!).Value!.Value).Order());

        // Every reference resolves on the server.
        foreach (Observation o in byCodeAndSubject.Entry.Select(e => (Observation)e.Resource!))
        {
            Assert.Equal("Patient/" + patient.Id, o.Subject!.Reference);
            QuestionnaireResponse source = await Send<QuestionnaireResponse>(HttpMethod.Get, o.DerivedFrom.Single().Reference!);
            Assert.Equal(Mapper.ToAssessment(source).GetValueOrThrow().Occasion.SessionNumber, o.Value is Quantity q && q.Value == 38.0m ? 1 : 2);
            Assert.Equal(patient.Id, (await Send<Patient>(HttpMethod.Get, o.Subject.Reference!)).Id);
        }
    }
}
