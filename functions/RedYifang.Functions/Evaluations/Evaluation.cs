using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// One organisation's evaluation of another for a period: a score (an integer 0–100) and an opinion (意见). Written once, never
/// changed: the pair and the period are its key. The paths are the organisations' at the time (ancestors first, itself last).
/// </summary>
public sealed record Evaluation
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string Period { get; init; }
    public required string EvaluatorOrgId { get; init; }
    public required OrgKind EvaluatorKind { get; init; }
    public required IReadOnlyList<string> EvaluatorPath { get; init; }
    public required string SubjectOrgId { get; init; }
    public required OrgKind SubjectKind { get; init; }
    public required IReadOnlyList<string> SubjectPath { get; init; }
    public required int Score { get; init; }
    public required string Opinion { get; init; }

    /// <summary>How the opinion stands with content security (docs/content-security.md); null before screening began.</summary>
    public Screening? Moderation { get; init; }
    public required string SubmittedBy { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The street's or community's opinion of a unit or volunteer team within it (what awards ask for).</summary>
    public bool FromAbove => EvaluatorKind is OrgKind.Street or OrgKind.Community;

    /// <summary>
    /// Whose admins decide on a held opinion: the evaluating street or community, or the street or community a unit or volunteer
    /// team belongs to (it has no admins of its own); the path from the top.
    /// </summary>
    public IReadOnlyList<string> ReviewPath => FromAbove ? EvaluatorPath : [.. EvaluatorPath.Take(EvaluatorPath.Count - 1)];
}
