namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="TrajectoryDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record TrajectoryOptions
{
    /// <summary>Gets the first session of the early-alliance window.</summary>
    /// <value>1 or more. The default value is 3.</value>
    public int EarlyWindowFirstSession { get; init; } = 3;

    /// <summary>Gets the last session of the early-alliance window.</summary>
    /// <value>At least <see cref="EarlyWindowFirstSession"/>. The default value is 5.</value>
    public int EarlyWindowLastSession { get; init; } = 5;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>trajectory</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
