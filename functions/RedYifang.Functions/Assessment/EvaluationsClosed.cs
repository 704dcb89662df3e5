using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// An evaluation window of a district closed (queue <c>assessment-evaluations</c>, from Evaluations' event by
/// <see cref="EvaluationTranslator"/>): for each organisation that received something the assessment counts, its share —
/// at most <see cref="EvaluationTranslator.PerMessage"/> organisations a message, <see cref="Part"/> numbering them. It carries all
/// it needs, so recording its facts reads nothing.
/// </summary>
public sealed record EvaluationsClosed(string DistrictId, string Period, int Part, IReadOnlyList<EvaluationsClosed.Received> Subjects)
{
    public const string Queue = "assessment-evaluations";

    public sealed record Received(string OrgId, int? Evaluators, int? ScoreSum, IReadOnlyList<string> OpinionsFrom);

    public OutboxMessage ToMessage() => new(Queue, this);
}
