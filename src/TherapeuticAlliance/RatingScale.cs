using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents an inclusive range of allowed response values, such as 1–5, or 0.0–10.0 in steps of 0.1.</summary>
/// <remarks>
/// <para>Values are <see cref="decimal"/> so that visual-analogue readings recorded to one decimal add up exactly:
/// the SRS items 8.8, 9.1, 9.0 and 9.1 total exactly 36.0, which matters when a total is compared with a cutoff.</para>
/// <para>Invariants: <see cref="Step"/> is positive, <see cref="Minimum"/> is below <see cref="Maximum"/>, and the
/// range is a whole number of steps. Equality is by value. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RatingScale : IEquatable<RatingScale>
{
    private const int MaximumStepCount = 1_000_000;

    /// <summary>
    /// The largest magnitude of a scale's minimum or maximum: 1,000,000. Together with at most 1,000 items this keeps
    /// every total, mean, POMP and weighted score of every strategy far inside <see cref="decimal"/>'s range, so
    /// whatever scale is accepted can be scored.
    /// </summary>
    public const int MaximumMagnitude = 1_000_000;

    /// <summary>Initializes a new instance of the <see cref="RatingScale"/> class.</summary>
    /// <param name="minimum">The lowest allowed value.</param>
    /// <param name="maximum">The highest allowed value; greater than <paramref name="minimum"/>.</param>
    /// <param name="step">The distance between adjacent allowed values; positive, and a whole number of steps must span the range (at most 1,000,000 steps).</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="step"/> is not positive, <paramref name="maximum"/> does not exceed <paramref name="minimum"/>, or the range is not a whole number of steps.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="minimum"/> or <paramref name="maximum"/> lies outside ±<see cref="MaximumMagnitude"/>.</exception>
    public RatingScale(decimal minimum, decimal maximum, decimal step)
    {
        Guard.Against.OutOfRange(minimum, nameof(minimum), -MaximumMagnitude, MaximumMagnitude);
        Guard.Against.OutOfRange(maximum, nameof(maximum), -MaximumMagnitude, MaximumMagnitude);
        Guard.Against.NegativeOrZero(step);
        Guard.Against.InvalidInput(maximum, nameof(maximum), m => m > minimum, "The maximum must exceed the minimum.");
        Guard.Against.InvalidInput(step, nameof(step), s => s >= (maximum - minimum) / MaximumStepCount, "A scale may have at most 1,000,000 steps.");
        Guard.Against.InvalidInput(step, nameof(step), s => (maximum - minimum) % s == 0m, "The range from minimum to maximum must be a whole number of steps.");
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
    }

    /// <summary>Gets the five-point scale 1–5 in whole steps (for example the WAI-SR).</summary>
    public static RatingScale OneToFive { get; } = new(1m, 5m, 1m);

    /// <summary>Gets the six-point scale 1–6 in whole steps.</summary>
    public static RatingScale OneToSix { get; } = new(1m, 6m, 1m);

    /// <summary>Gets the seven-point scale 1–7 in whole steps (for example the full WAI and the Alliance Profile).</summary>
    public static RatingScale OneToSeven { get; } = new(1m, 7m, 1m);

    /// <summary>Gets the visual-analogue scale 0.0–10.0 in steps of 0.1 (a 10 cm line read to the millimetre, as for the SRS and ORS).</summary>
    public static RatingScale VisualAnalog10 { get; } = new(0m, 10m, 0.1m);

    /// <summary>Gets the lowest allowed value.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest allowed value.</summary>
    public decimal Maximum { get; }

    /// <summary>Gets the distance between adjacent allowed values.</summary>
    public decimal Step { get; }

    /// <summary>Gets the number of steps from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
    public int StepCount => (int)((Maximum - Minimum) / Step);

    /// <summary>Determines whether a value lies within the scale's range (ignoring the step).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when <see cref="Minimum"/> ≤ <paramref name="value"/> ≤ <see cref="Maximum"/>.</returns>
    public bool IsInRange(decimal value) => value >= Minimum && value <= Maximum;

    /// <summary>Determines whether a value is allowed: within range and a whole number of steps from <see cref="Minimum"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the value is allowed.</returns>
    public bool Contains(decimal value) => IsInRange(value) && (value - Minimum) % Step == 0m;

    /// <summary>Reverse-keys a value: <c>x' = Minimum + Maximum − x</c>.</summary>
    /// <param name="value">An allowed value.</param>
    /// <returns>The mirrored value; reversing twice gives the original value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is outside the scale.</exception>
    public decimal Reverse(decimal value)
    {
        Guard.Against.OutOfRange(value, nameof(value), Minimum, Maximum);
        return Minimum + Maximum - value;
    }

    /// <summary>Rescales a value to POMP (percent of maximum possible): <c>100 · (x − Minimum) / (Maximum − Minimum)</c>.</summary>
    /// <param name="value">A value within the scale's range.</param>
    /// <returns>A number from 0 to 100.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is outside the scale.</exception>
    public decimal ToPomp(decimal value)
    {
        Guard.Against.OutOfRange(value, nameof(value), Minimum, Maximum);
        return 100m * (value - Minimum) / (Maximum - Minimum);
    }

    /// <inheritdoc/>
    public bool Equals(RatingScale? other) =>
        other is not null && Minimum == other.Minimum && Maximum == other.Maximum && Step == other.Step;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RatingScale);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum, Step);

    /// <summary>Returns a culture-invariant description such as <c>1–5 (step 1)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "{0}–{1} (step {2})", Minimum, Maximum, Step);

    /// <summary>Compares two scales for equality.</summary>
    /// <param name="left">The first scale.</param>
    /// <param name="right">The second scale.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(RatingScale? left, RatingScale? right) => Equals(left, right);

    /// <summary>Compares two scales for inequality.</summary>
    /// <param name="left">The first scale.</param>
    /// <param name="right">The second scale.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(RatingScale? left, RatingScale? right) => !Equals(left, right);
}
