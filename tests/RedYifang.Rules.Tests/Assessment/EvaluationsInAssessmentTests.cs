using System.Text.Json;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// How evaluations reach the assessment (docs/evaluations.md): only a closed window, as one fact per organisation with a count and
/// sum only from three evaluators; a ranking counts the windows of periods within its own, pooled into one mean with two
/// decimals; no data when there is none.
/// </summary>
public sealed class EvaluationsInAssessmentTests
{
    private static readonly EvaluationTranslator Translator = new();

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static EvaluationEvent.WindowClosed Closed(string period, params ReceivedSummary[] subjects) =>
        new("org_d", period, P(period).End.AddDays(15), P(period).End.AddDays(15).AddMinutes(10), subjects.Sum(s => s.Evaluators),
            subjects);

    private static List<Fact> Facts(EvaluationEvent e) =>
        [.. Translator.Translate(e).Select(m => Assert.IsType<EvaluationsClosed>(m.Body)).SelectMany(RecordEvaluationFacts.FactsOf)];

    private static Totals Of(IEnumerable<Fact> facts) => facts.Aggregate(Totals.Empty, (t, f) => t.Add(f));

    [Fact]
    public void Only_a_closed_window_reaches_the_assessment_never_an_evaluation_as_it_is_written()
    {
        var written = new EvaluationEvent.Recorded(new Evaluation
        {
            Id = "evl_d-1", DistrictId = "org_d", Period = "2026-10", EvaluatorOrgId = "org_u1",
            EvaluatorKind = Functions.Organisations.OrgKind.Unit, EvaluatorPath = ["org_d", "org_s1", "org_u1"], SubjectOrgId = "org_s1",
            SubjectKind = Functions.Organisations.OrgKind.Street, SubjectPath = ["org_d", "org_s1"], Score = 90, Opinion = "好",
            SubmittedBy = "usr_1", SubmittedAt = DateTimeOffset.UnixEpoch,
        });
        Assert.Empty(Translator.Translate(written));
    }

    [Fact]
    public void A_closed_window_becomes_one_fact_per_organisation_with_scores_only_from_three_evaluators_on_the_assessments_queue()
    {
        var e = Closed("2026-10",
            new ReceivedSummary("org_c1", 4, 346, []),
            new ReceivedSummary("org_c2", 2, null, []),                    // fewer than three, nobody above: carries nothing
            new ReceivedSummary("org_u9", 2, null, ["org_c1", "org_s1"]));  // a unit: the opinions from above, no count

        var messages = Translator.Translate(e).ToList();
        Assert.Equal([EvaluationsClosed.Queue], messages.Select(m => m.Queue));
        var facts = Facts(e);
        Assert.Equal(["org_c1", "org_u9"], facts.Select(f => f.OrgId));
        Assert.All(facts, f => Assert.Equal(("2026-10|evaluations", FactKind.EvaluationsReceived, P("2026-10").Start, "org_d"),
            (f.Id, f.Kind, f.At, f.DistrictId)));
        Assert.Equal(new EvaluationShare("2026-10", 4, 346, []), facts[0].Evaluations! with { OpinionsFrom = [] });
        Assert.Equal(((int?)null, (int?)null), (facts[1].Evaluations!.Evaluators, facts[1].Evaluations!.ScoreSum));
        Assert.Equal(["org_c1", "org_s1"], facts[1].Evaluations!.OpinionsFrom);
        Assert.Equal("2026-10", FactStore.MonthOf(facts[0].At));
    }

    [Fact]
    public void A_large_window_goes_in_messages_of_a_hundred_organisations()
    {
        var subjects = Enumerable.Range(0, 250).Select(i => new ReceivedSummary($"org_c{i:000}", 3, 240, [])).ToArray();
        var messages = Translator.Translate(Closed("2026-Q4", subjects)).Select(m => Assert.IsType<EvaluationsClosed>(m.Body)).ToList();

        Assert.Equal([(1, 100), (2, 100), (3, 50)], messages.Select(m => (m.Part, m.Subjects.Count)));
        Assert.Equal(subjects.Select(s => s.OrgId), messages.SelectMany(m => m.Subjects).Select(s => s.OrgId));
        // Each message stays far below a storage queue message's 64 KB.
        Assert.All(messages, m => Assert.True(JsonSerializer.SerializeToUtf8Bytes(m, Json.Options).Length < 16_000));
    }

    [Fact]
    public void A_ranking_counts_the_windows_of_periods_within_its_own_pooled_into_one_mean()
    {
        // All three facts are dated 1 October 2026 and so share the month's totals row.
        var t = Of(
        [
            .. Facts(Closed("2026-10", new ReceivedSummary("org_c1", 3, 270, []))),     // mean 90
            .. Facts(Closed("2026-Q4", new ReceivedSummary("org_c1", 5, 400, []))),     // mean 80
            .. Facts(Closed("2026", new ReceivedSummary("org_c1", 4, 250, []))),        // mean 62.5
        ]);

        Assert.Equal(["2026-10"], t.Within(P("2026-10")).Evaluations.Keys);
        Assert.Equal(["2026-10", "2026-Q4"], t.Within(P("2026-Q4")).Evaluations.Keys);
        Assert.Equal(["2026", "2026-10", "2026-Q4"], t.Within(P("2026")).Evaluations.Keys);
        Assert.Empty(t.Within(P("2026-11")).Evaluations);
        Assert.Equal(90.0, RankingMath.Raw(Indicator.EvaluationsReceived, t.Within(P("2026-10"))));
        Assert.Equal(83.75, RankingMath.Raw(Indicator.EvaluationsReceived, t.Within(P("2026-Q4"))));     // 670 / 8
        Assert.Equal(76.67, RankingMath.Raw(Indicator.EvaluationsReceived, t.Within(P("2026"))));        // 920 / 12 = 76.666…
    }

    [Fact]
    public void No_evaluation_with_a_count_is_no_data_and_the_indicator_is_available()
    {
        var unit = Of(Facts(Closed("2026-10", new ReceivedSummary("org_u1", 2, null, ["org_s1"]))));
        Assert.True(double.IsNaN(RankingMath.Raw(Indicator.EvaluationsReceived, unit)));
        Assert.True(double.IsNaN(RankingMath.Raw(Indicator.EvaluationsReceived, Totals.Empty)));
        Assert.True(Catalogue.Entries[Indicator.EvaluationsReceived].Available);

        var ranked = RankingMath.Rank(PeerGroup.Community, [new(Indicator.EvaluationsReceived, 1.0, Direction.Higher)],
        [
            new Candidate("org_c1", "c1", PeerGroup.Community, "org_s1",
                Of(Facts(Closed("2026-10", new ReceivedSummary("org_c1", 3, 241, []))))),
            new Candidate("org_c2", "c2", PeerGroup.Community, "org_s1", Totals.Empty),
        ]);
        Assert.Equal([("org_c1", 80.33, null), ("org_c2", 0.0, RankingMath.NoData)],
            ranked.Select(r => (r.OrgId, r.Indicators[0].Raw, r.Indicators[0].Note)));
    }

    [Fact]
    public void The_same_window_recorded_twice_counts_once_and_totals_serialise_alike_however_they_arrive()
    {
        var facts = Facts(Closed("2026-10", new ReceivedSummary("org_c1", 3, 270, [])));
        var once = Of(facts);
        var twice = Of(facts).Plus(Of(facts));
        Assert.Equal(JsonSerializer.Serialize(once, Json.Options), JsonSerializer.Serialize(twice, Json.Options));
        Assert.Equal(90.0, RankingMath.Raw(Indicator.EvaluationsReceived, twice));
    }
}
