using OneOf;

namespace TherapeuticAlliance.Tests;

/// <summary>
/// The one result mechanism (issue 25, part 7): a user's own result type derives from AllianceResult and declares only
/// its constructor and conversions, and every arity gives IsSuccess, Error and GetValueOrThrow the same meaning.
/// </summary>
public sealed class AllianceResultTests
{
    [Fact]
    public void AUsersResult_WithOneErrorCase_HasTheLibrarysShape()
    {
        SiteCountResult ok = 3;
        Assert.True(ok.IsSuccess);
        Assert.Null(ok.Error);
        Assert.Equal(3, ok.GetValueOrThrow());

        SiteCountResult bad = new NoSites();
        Assert.False(bad.IsSuccess);
        Assert.Equal("no-sites", bad.Error!.Code);
        AllianceErrorException thrown = Assert.Throws<AllianceErrorException>(() => bad.GetValueOrThrow());
        Assert.Same(bad.AsT1, thrown.Error);
        Assert.Equal("The caseload names no site.", thrown.Message);
        Assert.Equal("none", bad.Match(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => "none"));
    }

    [Fact]
    public void EveryErrorCase_OfTheTwoAndFourErrorBases_IsTheError()
    {
        var mismatch = new InstrumentMismatch("sum", "srs", "test");
        var missing = new TooManyMissingResponses(null, 4, 3, 0, MissingDataPolicy.CompleteOnly);
        ScoringResult first = missing;
        ScoringResult second = mismatch;
        Assert.Same(missing, first.Error);
        Assert.Same(mismatch, second.Error);
        Assert.Same(mismatch, Assert.Throws<AllianceErrorException>(() => second.GetValueOrThrow()).Error);

        var unknown = new UnknownInstrument("x");
        EvaluationResult evaluation = unknown;
        Assert.False(evaluation.IsSuccess);
        Assert.Same(unknown, evaluation.Error);
        EvaluationResult last = mismatch;
        Assert.Same(mismatch, last.Error);
        Assert.Same(mismatch, Assert.Throws<AllianceErrorException>(() => last.GetValueOrThrow()).Error);
    }

    private sealed record NoSites : IAllianceError
    {
        public string Code => "no-sites";

        public string Message => "The caseload names no site.";
    }

    private sealed class SiteCountResult : AllianceResult<int, NoSites>
    {
        private SiteCountResult(OneOf<int, NoSites> value)
            : base(value)
        {
        }

        public static implicit operator SiteCountResult(int count) => new(count);

        public static implicit operator SiteCountResult(NoSites error) => new(error);
    }
}
