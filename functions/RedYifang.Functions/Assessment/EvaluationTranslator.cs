using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The evaluations the assessment counts, as facts to record (docs/evaluations.md): only a closed window
/// (<see cref="EvaluationEvent.WindowClosed"/>), never an evaluation as it is written — nothing about an evaluation may show in a
/// ranking, a breakdown or an organisation's facts before its window closes. Of each organisation evaluated: the count and sum
/// where the blind rule lets them be known, and the opinions from above; one evaluated by fewer than three and by nobody above
/// it carries nothing and is left out.
/// </summary>
public sealed class EvaluationTranslator : IEventTranslator
{
    /// <summary>Organisations per message: a message stays far below the queue's 64 KB, a close far below 100 outbox rows.</summary>
    public const int PerMessage = 100;

    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not EvaluationEvent.WindowClosed closed) yield break;
        var received = closed.Subjects
            .Where(s => s.ScoreSum is not null || s.OpinionsFrom.Count > 0)
            .Select(s => new EvaluationsClosed.Received(s.OrgId, s.ScoreSum is null ? null : s.Evaluators, s.ScoreSum, s.OpinionsFrom));
        var part = 0;
        foreach (var chunk in received.Chunk(PerMessage))
        {
            yield return new EvaluationsClosed(closed.DistrictId, closed.Period, ++part, chunk).ToMessage();
        }
    }
}
