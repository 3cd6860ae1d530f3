using System.Globalization;
using System.Runtime.CompilerServices;

namespace TherapeuticAlliance.Tests.TestHelpers;

/// <summary>
/// Runs the whole suite under the culture named by the TA_TEST_CULTURE environment variable
/// (.ci/run runs it under the invariant culture, de-DE and tr-TR).
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void Apply()
    {
        string? name = Environment.GetEnvironmentVariable("TA_TEST_CULTURE");
        if (!string.IsNullOrWhiteSpace(name))
        {
            var culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.DefaultThreadCurrentCulture = culture;
            CultureInfo.DefaultThreadCurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
