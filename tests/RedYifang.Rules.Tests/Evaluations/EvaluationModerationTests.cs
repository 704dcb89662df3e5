using System.Globalization;
using System.Text.Json.Nodes;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>
/// An admin's decision on an evaluation's opinion (docs/content-security.md): written onto the evaluation, and published once per
/// change of the opinion's state (<c>evaluation.moderated</c>, docs/events.md) — the same decision again is written (who decided
/// last) but raises nothing; no opinion, no score, no author in what leaves.
/// </summary>
public sealed class EvaluationModerationTests
{
    private const string Admin = "usr_admin";
    private const string Opinion = "沟通不畅，协调不及时";
    private static readonly DateTimeOffset Submitted = new(2026, 11, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Screening Review = new(ScreeningState.Pending, ScreeningReason.Review, "21000");

    private static readonly Evaluation Held = new()
    {
        Id = "evl_d-1", DistrictId = "org_d", Period = "2026-10", EvaluatorOrgId = "org_u1", EvaluatorKind = OrgKind.Unit,
        EvaluatorPath = ["org_d", "org_s1", "org_u1"], SubjectOrgId = "org_c1", SubjectKind = OrgKind.Community,
        SubjectPath = ["org_d", "org_s1", "org_c1"], Score = 61, Opinion = Opinion, Moderation = Review, SubmittedBy = "usr_liaison",
        SubmittedAt = Submitted,
    };

    private static DateTimeOffset At(int minutes) => Submitted.AddMinutes(minutes);

    private static Screening Decision(ScreeningState state, int minutes) =>
        Review with { State = state, DecidedBy = Admin, DecidedAt = At(minutes) };

    private static IntegrationEvent Published(EvaluationChange change) => Assert.IsType<IntegrationEvent>(
        Assert.Single(new EvaluationIntegrationEvents().Translate(Assert.Single(change.Events))).Body);

    [Fact]
    public void A_decision_that_changes_the_opinions_state_is_published_once_and_the_same_decision_again_raises_nothing()
    {
        var approved = EvaluationModeration.Decide(Held, Decision(ScreeningState.Approved, 60))!;
        var again = EvaluationModeration.Decide(approved.Evaluation, Decision(ScreeningState.Approved, 90))!;
        var hidden = EvaluationModeration.Decide(again.Evaluation, Decision(ScreeningState.Hidden, 120))!;

        Assert.Equal(Decision(ScreeningState.Approved, 60), approved.Evaluation.Moderation);
        Assert.Equal(Held with { Moderation = Decision(ScreeningState.Approved, 90) }, again.Evaluation);  // written: who decided last
        Assert.Empty(again.Events);                                                                      // but not published
        Assert.Null(EvaluationModeration.Decide(again.Evaluation, again.Evaluation.Moderation!));         // nothing to write
        Assert.Equal(ScreeningState.Hidden, hidden.Evaluation.Moderation!.State);

        var events = new[] { approved, hidden }.Select(Published).ToList();
        Assert.Equal(
            [
                $"evl_d-1-evaluationOpinion-approved-{At(60).ToUnixTimeMilliseconds()} evaluation.moderated v1 {At(60):O}",
                $"evl_d-1-evaluationOpinion-hidden-{At(120).ToUnixTimeMilliseconds()} evaluation.moderated v1 {At(120):O}",
            ],
            events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id} {e.Type} v{e.DataVersion} {e.At:O}")));
        Assert.Equal(
            "{\"evaluationId\":\"evl_d-1\",\"districtId\":\"org_d\",\"period\":\"2026-10\",\"evaluatorOrgId\":\"org_u1\"," +
            "\"subjectOrgId\":\"org_c1\",\"reviewOrgId\":\"org_s1\",\"from\":\"approved\",\"state\":\"hidden\",\"reason\":\"review\"," +
            "\"label\":\"21000\",\"decidedBy\":\"usr_admin\",\"decidedAt\":\"2026-11-05T04:00:00+00:00\"}",
            events[1].Data.GetRawText());
        Assert.Equal("pending", events[0].Data.GetProperty("from").GetString());
        Assert.All(events, e =>
        {
            Assert.DoesNotContain(Opinion, e.Data.GetRawText());
            Assert.DoesNotContain("usr_liaison", e.Data.GetRawText());
            Assert.Empty(EventCatalogueDoc.Current.Sections[e.Type].Misfits(JsonNode.Parse(e.Data.GetRawText())!.AsObject()));
        });
    }

    [Fact]
    public void A_decision_on_an_opinion_written_before_screening_began_is_published_from_nothing_and_never_reaches_the_assessment()
    {
        var decided = EvaluationModeration.Decide(Held with { Moderation = null }, Decision(ScreeningState.Hidden, 30))!;

        Assert.Null(Published(decided).Data.GetProperty("from").GetString());
        Assert.Empty(new EvaluationTranslator().Translate(Assert.Single(decided.Events)));  // Assessment hears closed windows only
    }
}
