using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Two-way evaluation's published contract: <c>evaluation.recorded</c> for each evaluation written (the pair and the period — no
/// score, no opinion: evaluation is blind, and other systems are no exception) and <c>evaluation.windowClosed</c> when a
/// period's window is summed up (how many evaluations, how many organisations evaluated, how many of them have a mean). Each is
/// staged once (an evaluation is added once, a window closed once), so the ids make a replay a duplicate Service Bus drops. An
/// admin's decision that changes the state of an evaluation's opinion (approved, hidden) is <c>evaluation.moderated</c>, with ids
/// as <c>order.moderated</c>'s: the evaluation, the content, the state and the decision's instant (an admin may change their mind);
/// the opinion's state, never the opinion, and nobody who wrote it.
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
            EvaluationEvent.Moderated m => Moderated(m),
            _ => null,
        };
        if (published is not { } p) yield break;
        var (queue, message) = IntegrationEvent.Of(p.Id, p.Type, domainEvent.At, p.Data);
        yield return new OutboxMessage(queue, message);
    }

    private static (string, IntegrationEventType, object) Moderated(EvaluationEvent.Moderated m)
    {
        var (e, screening) = (m.Evaluation, m.After);
        var state = EnumText.ToText(screening.State);
        return ($"{e.Id}-{EnumText.ToText(ContentKind.EvaluationOpinion)}-{state}-{m.At.ToUnixTimeMilliseconds()}",
            IntegrationEventType.EvaluationModerated, ScreeningPayload.With(new()
            {
                ["evaluationId"] = e.Id, ["districtId"] = e.DistrictId, ["period"] = e.Period, ["evaluatorOrgId"] = e.EvaluatorOrgId,
                ["subjectOrgId"] = e.SubjectOrgId, ["reviewOrgId"] = e.ReviewPath[^1],
            }, m.Before, screening, m.At));
    }
}
