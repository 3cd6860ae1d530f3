using System;
using System.Globalization;

namespace TherapeuticAlliance.Columnar;

/// <summary>A column's time zone as Arrow and Parquet writers name it: <c>UTC</c>, a fixed offset (<c>+01:00</c>, <c>-0530</c>) or an IANA name (<c>Europe/Berlin</c>).</summary>
internal static class TimeZones
{
    /// <summary>The zone, or <see langword="null"/> when the name is neither an offset nor a zone this machine's time zone database has.</summary>
    internal static TimeZoneInfo? Find(string name)
    {
        if (name is "UTC" or "Z" or "Etc/UTC" or "utc")
        {
            return TimeZoneInfo.Utc;
        }

        if (name.Length >= 3 && (name[0] == '+' || name[0] == '-'))
        {
            string digits = name.Substring(1).Replace(":", string.Empty, StringComparison.Ordinal);
            if ((digits.Length == 2 || digits.Length == 4) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int hhmm))
            {
                int hours = digits.Length == 2 ? hhmm : hhmm / 100;
                int minutes = digits.Length == 2 ? 0 : hhmm % 100;
                if (hours <= 14 && minutes < 60)
                {
                    var offset = new TimeSpan(hours, minutes, 0);
                    return TimeZoneInfo.CreateCustomTimeZone(name, name[0] == '-' ? -offset : offset, name, name);
                }
            }

            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
