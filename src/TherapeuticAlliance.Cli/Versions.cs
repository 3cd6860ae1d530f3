using System.Reflection;

namespace TherapeuticAlliance.Cli;

/// <summary>The tool's and the library's versions, as their assemblies state them (informational version, without a build-metadata suffix).</summary>
internal static class Versions
{
    internal static string Tool => Of(typeof(Versions).Assembly);

    internal static string Library => Of(typeof(Assessment).Assembly);

    /// <summary>The time a result is stamped with: now, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when it is set, so a report can be made byte for byte again.</summary>
    internal static DateTimeOffset Now() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long seconds) && seconds <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : TimeProvider.System.GetUtcNow();

    private static string Of(Assembly assembly)
    {
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (string.IsNullOrEmpty(version))
        {
            return "unknown";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
