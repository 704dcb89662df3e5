using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Evaluations;

/// <summary>One evaluation as the API shows it (to the evaluator's people, and to admins above the subject); no submitter.</summary>
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
    DateTimeOffset SubmittedAt)
{
    public static EvaluationView From(Evaluation e) =>
        new(e.Id, e.DistrictId, e.Period, e.EvaluatorOrgId, e.EvaluatorKind, e.SubjectOrgId, e.SubjectKind, e.Score, e.Opinion,
            e.SubmittedAt);
}
