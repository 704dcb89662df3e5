using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// One evaluation as the API shows it (to the evaluator's people, and to admins above the subject); no submitter. An opinion held
/// for review or hidden is shown to whoever wrote it and to admins over <see cref="Evaluation.ReviewPath"/>, and stood in for to
/// the rest (ContentSecurity/ContentVisibility.cs).
/// </summary>
public sealed record EvaluationView(
    string Id,
    string DistrictId,
    string Period,
    string EvaluatorOrgId,
    OrgKind EvaluatorKind,
    string SubjectOrgId,
    OrgKind SubjectKind,
    int Score,
    string Opinion,
    Screening? Moderation,
    DateTimeOffset SubmittedAt)
{
    public static EvaluationView From(Caller caller, Evaluation e) =>
        new(e.Id, e.DistrictId, e.Period, e.EvaluatorOrgId, e.EvaluatorKind, e.SubjectOrgId, e.SubjectKind, e.Score,
            ContentVisibility.Text(e.Opinion, e.Moderation, caller.UserId == e.SubmittedBy, caller.IsAdminOf(e.ReviewPath)),
            e.Moderation, e.SubmittedAt);
}
