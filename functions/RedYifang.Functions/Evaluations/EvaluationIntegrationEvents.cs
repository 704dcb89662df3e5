using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Two-way evaluation's published contract: <c>evaluation.recorded</c> for each evaluation written (the pair and the period — no
/// score, no opinion: evaluation is blind, and other systems are no exception) and <c>evaluation.windowClosed</c> when a
/// period's window is summed up (how many evaluations, how many organisations evaluated, how many of them have a mean). Each is
/// staged once (an evaluation is added once, a window closed once), so the ids make a replay a duplicate Service Bus drops.
/// </summary>
public sealed class EvaluationIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        (string Id, IntegrationEventType Type, object Data)? published = domainEvent switch
        {
            EvaluationEvent.Recorded { Evaluation: var e } => ($"{e.Id}-recorded", IntegrationEventType.EvaluationRecorded, new
            {
                evaluationId = e.Id, districtId = e.DistrictId, period = e.Period, evaluatorOrgId = e.EvaluatorOrgId,
                subjectOrgId = e.SubjectOrgId,
            }),
            EvaluationEvent.WindowClosed w => ($"evw-{w.DistrictId}-{w.Period}-closed", IntegrationEventType.EvaluationWindowClosed, new
            {
                districtId = w.DistrictId, period = w.Period, closesAt = w.ClosesAt, evaluations = w.Evaluations,
                organisationsEvaluated = w.Subjects.Count, withMean = w.Subjects.Count(s => s.ScoreSum is not null),
            }),
            _ => null,
        };
        if (published is not { } p) yield break;
        var (queue, message) = IntegrationEvent.Of(p.Id, p.Type, domainEvent.At, p.Data);
        yield return new OutboxMessage(queue, message);
    }
}
