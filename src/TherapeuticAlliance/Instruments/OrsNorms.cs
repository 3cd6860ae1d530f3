namespace TherapeuticAlliance.Instruments;

/// <summary>Named values commonly used with the Outcome Rating Scale (ORS); override them where a site has checked sources.</summary>
/// <remarks>
/// <para>The ORS (Miller, Duncan, Brown, Sparks &amp; Claud 2003, <i>Journal of Brief Therapy 2</i>(2), 91–100) is four
/// 0–10 visual-analogue items summed to 0–40, higher is better. The concept of a clinical cutoff is documented by
/// its authors; the specific values below are widely cited but were <b>not verified against a primary source</b>
/// for this library. Treat them as placeholders a site should confirm, and pass its own values where it has them.</para>
/// </remarks>
public static class OrsNorms
{
    /// <summary>The adult clinical cutoff on the ORS total, 25: totals below it are in the clinical range.</summary>
    /// <remarks>Status: UNVERIFIED value (commonly cited; concept confirmed by the authors' practice material). Used as the built-in <see cref="AllianceInstruments.Ors"/> cutoff.</remarks>
    public const decimal AdultClinicalCutoff = 25m;

    /// <summary>The adolescent (13–17) clinical cutoff on the ORS total, 28.</summary>
    /// <remarks>Status: UNVERIFIED (commonly cited from Duncan et al. 2006).</remarks>
    public const decimal AdolescentClinicalCutoff = 28m;

    /// <summary>The child (6–12, CORS) clinical cutoff on the total, 32.</summary>
    /// <remarks>Status: UNVERIFIED (commonly cited from Duncan et al. 2006).</remarks>
    public const decimal ChildClinicalCutoff = 32m;

    /// <summary>The reliable-change threshold for the adult ORS total, 5 points.</summary>
    /// <remarks>Status: UNVERIFIED (some sources give 6). Prefer computing the reliable-change value from a sample's SD and reliability.</remarks>
    public const decimal AdultReliableChange = 5m;
}
