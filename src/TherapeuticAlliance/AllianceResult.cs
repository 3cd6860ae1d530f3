using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>
/// The one base of the library's result types with one error case: a <typeparamref name="T"/> on success, otherwise a
/// <typeparamref name="TError"/>. It is a OneOf union (<c>Match</c>, <c>Switch</c>, <c>IsT0</c>, <c>AsT0</c>) and an
/// <see cref="IAllianceResult{T}"/>, so a concrete result type (<see cref="AssessmentResult"/>,
/// <see cref="PartialResult{T}"/>, a user's own) declares only its constructor and its implicit conversions, as
/// Polly's <c>Outcome&lt;T&gt;</c> is one type for every strategy.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <typeparam name="TError">The type of the error.</typeparam>
/// <remarks>Immutable and thread-safe when <typeparamref name="T"/> is.</remarks>
public abstract class AllianceResult<T, TError> : OneOfBase<T, TError>, IAllianceResult<T>
    where TError : IAllianceError
{
    /// <summary>Initializes a new instance of the <see cref="AllianceResult{T, TError}"/> class.</summary>
    /// <param name="value">The value or the error.</param>
    protected AllianceResult(OneOf<T, TError> value)
        : base(value)
    {
    }

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => IsT0 ? null : AsT1;

    /// <inheritdoc/>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(AsT1);
}

/// <summary>
/// The one base of the library's result types with two error cases: a <typeparamref name="T"/> on success, otherwise
/// a <typeparamref name="TError1"/> or a <typeparamref name="TError2"/> (<see cref="ScoringResult"/>). See
/// <see cref="AllianceResult{T, TError}"/>.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <typeparam name="TError1">The type of the first error.</typeparam>
/// <typeparam name="TError2">The type of the second error.</typeparam>
/// <remarks>Immutable and thread-safe when <typeparamref name="T"/> is.</remarks>
public abstract class AllianceResult<T, TError1, TError2> : OneOfBase<T, TError1, TError2>, IAllianceResult<T>
    where TError1 : IAllianceError
    where TError2 : IAllianceError
{
    /// <summary>Initializes a new instance of the <see cref="AllianceResult{T, TError1, TError2}"/> class.</summary>
    /// <param name="value">The value or the error.</param>
    protected AllianceResult(OneOf<T, TError1, TError2> value)
        : base(value)
    {
    }

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => IsT0 ? null : (IAllianceError)Value;

    /// <inheritdoc/>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException((IAllianceError)Value);
}

/// <summary>
/// The one base of the library's result types with four error cases (<see cref="EvaluationResult"/>). See
/// <see cref="AllianceResult{T, TError}"/>.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <typeparam name="TError1">The type of the first error.</typeparam>
/// <typeparam name="TError2">The type of the second error.</typeparam>
/// <typeparam name="TError3">The type of the third error.</typeparam>
/// <typeparam name="TError4">The type of the fourth error.</typeparam>
/// <remarks>Immutable and thread-safe when <typeparamref name="T"/> is.</remarks>
public abstract class AllianceResult<T, TError1, TError2, TError3, TError4> : OneOfBase<T, TError1, TError2, TError3, TError4>, IAllianceResult<T>
    where TError1 : IAllianceError
    where TError2 : IAllianceError
    where TError3 : IAllianceError
    where TError4 : IAllianceError
{
    /// <summary>Initializes a new instance of the <see cref="AllianceResult{T, TError1, TError2, TError3, TError4}"/> class.</summary>
    /// <param name="value">The value or the error.</param>
    protected AllianceResult(OneOf<T, TError1, TError2, TError3, TError4> value)
        : base(value)
    {
    }

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => IsT0 ? null : (IAllianceError)Value;

    /// <inheritdoc/>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException((IAllianceError)Value);
}
