using Microsoft.Extensions.Options;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Someone acting for an organisation evaluates another for a period (<c>POST /v1/evaluations</c>): only the pairs of
/// <see cref="EvaluationPairs"/> (another is 422), only inside the period's window (409 <c>evaluation_window_not_open</c> or
/// <c>evaluation_window_closed</c>), once per pair and period (409 <c>evaluation_exists</c>, however many arrive at once), by a
/// caller <see cref="EvaluationPolicy"/> lets act for the evaluator (403). The opinion is screened by WeChat before it is written
/// (docs/content-security.md); the demo's load writes the district's history unscreened (no <c>screening</c>).
/// </summary>
public sealed class SubmitEvaluation(EvaluationStore evaluations, OrgStore orgs, IOptions<EvaluationOptions> options, TimeProvider clock,
    TextScreening? screening = null)
{
    public const int MaxOpinionLength = 500;

    /// <summary>The body; every member optional here, validated below. <c>score</c> must be a JSON integer (85.5 or "85" is 400).</summary>
    public sealed record Request
    {
        public string? Period { get; init; }
        public string? EvaluatorOrgId { get; init; }
        public string? SubjectOrgId { get; init; }
        public int? Score { get; init; }
        public string? Opinion { get; init; }
    }

    /// <summary>What a valid body asks for.</summary>
    public sealed record Draft(Period Period, string EvaluatorOrgId, string SubjectOrgId, int Score, string Opinion);

    /// <summary>Whether the caller may (still) act for the evaluator the request names (before an idempotent replay).</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var evaluator = Keys.IsWellFormedId(request.EvaluatorOrgId) ? await orgs.FindAsync(request.EvaluatorOrgId!, ct) : null;
        if (evaluator is null || !EvaluationPolicy.MayActFor(caller, evaluator.Path)) throw Problems.Forbidden();
    }

    public async Task<Evaluation> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var draft = Validate(request);
        var evaluator = await orgs.FindAsync(draft.EvaluatorOrgId, ct)
            ?? throw Problems.InvalidReference("evaluatorOrgId", new("不是已登记的组织", "is not a registered organisation"));
        if (!EvaluationPolicy.MayActFor(caller, evaluator.Path)) throw Problems.Forbidden();
        var subject = await orgs.FindAsync(draft.SubjectOrgId, ct)
            ?? throw Problems.InvalidReference("subjectOrgId", new("不是已登记的组织", "is not a registered organisation"));
        if (!EvaluationPairs.Allowed(evaluator, subject)) throw EvaluationProblems.PairNotAllowed();
        if (!EvaluationPolicy.MayEvaluate(caller, evaluator.Path, subject.Path)) throw Problems.Forbidden();

        var now = clock.GetUtcNow();
        var window = EvaluationWindow.Of(draft.Period, options.Value.WindowDays);
        if (window.HasClosedAt(now)) throw EvaluationProblems.WindowClosed(window);
        if (!window.IsOpenAt(now)) throw EvaluationProblems.WindowNotOpen(window);

        var moderation = screening is null
            ? null
            : await screening.ScreenAsync(ContentKind.EvaluationOpinion, caller.UserId, [new("opinion", draft.Opinion)], ct);
        var districtId = evaluator.Path[0];
        var evaluation = new Evaluation
        {
            Id = Keys.NewChildId("evl", districtId, clock), DistrictId = districtId, Period = draft.Period.Text,
            EvaluatorOrgId = evaluator.Id, EvaluatorKind = evaluator.Kind, EvaluatorPath = evaluator.Path,
            SubjectOrgId = subject.Id, SubjectKind = subject.Kind, SubjectPath = subject.Path,
            Score = draft.Score, Opinion = draft.Opinion, Moderation = moderation, SubmittedBy = caller.UserId, SubmittedAt = now,
        };
        var first = await CreateOnce.AddAsync(() => evaluations.AddAsync(evaluation, ct), async () =>
            await evaluations.FindAsync(districtId, evaluation.Period, evaluator.Id, subject.Id, ct) is { } found
                && found.Id == evaluation.Id ? found : null);
        return first ?? evaluation;
    }

    public static Draft Validate(Request request)
    {
        var v = new Validator();
        var period = v.Period("period", request.Period);
        var evaluatorId = v.Id("evaluatorOrgId", request.EvaluatorOrgId);
        var subjectId = v.Id("subjectOrgId", request.SubjectOrgId);
        var score = v.Range("score", request.Score, 0, 100);
        var opinion = v.Text("opinion", request.Opinion, MaxOpinionLength);
        if (evaluatorId is not null && evaluatorId == subjectId) v.Add("subjectOrgId", new("不能评价自己", "may not be the evaluator itself"));
        v.ThrowIfInvalid();
        return new Draft(period!, evaluatorId!, subjectId!, score!.Value, opinion!);
    }
}
