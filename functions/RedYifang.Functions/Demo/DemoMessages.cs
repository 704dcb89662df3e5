using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Demo;

/// <summary>
/// Delivers, here and now, what the demo's steps staged for other features (an order's assessment fact and unit record, a role to
/// grant (a party member's, a committee member's), points for attendance and for orders served, a piece of an activity's evidence
/// verified, a delivery towards a commitment, an agreement in force or an activity closed as assessment facts, an evaluation window
/// closed — so the rankings the load runs next count them; a service station registered, for the statistics), through the same
/// translators and consumers as
/// the queues, so the next step finds it done and the demo is complete when its load returns. The queues carry the same
/// messages to the same consumers a little later; every one of them is idempotent, so the second arrival changes nothing.
/// </summary>
public sealed class DemoMessages(
    EventTranslators translators,
    GrantReportedRole grantRole,
    Alliances.SyncCommitteeRole committeeRole,
    AwardAttendancePoints award,
    ReverseAttendancePoints reverse,
    AwardOrderPoints awardOrder,
    RecordActivityEvidence activityEvidence,
    RecordDelivery delivery,
    Assessment.RecordCoBuildingFacts coBuilding,
    Assessment.RecordEvaluationFacts evaluationFacts,
    Assessment.AssessmentFacts orderFacts,
    Assessment.StationStore stations,
    Matching.UnitRecords records)
{
    public async Task DeliverAsync(IDomainEvent domainEvent, CancellationToken ct)
    {
        foreach (var message in translators.Translate([domainEvent])) await DeliverAsync(message, ct);
    }

    /// <summary>
    /// One message, if it is one of these consumers'. Integration events are news, and history is not; suggestions are ranked
    /// once all demo orders are in (DemoServiceMenu.SeedAsync); a delivery's own fact, staged by Agreements when it records the
    /// delivery, is left to its queue.
    /// </summary>
    public Task DeliverAsync(OutboxMessage message, CancellationToken ct) => message.Body switch
    {
        RoleGrantMessage m => grantRole.HandleAsync(m, ct),
        Alliances.CommitteeRoleMessage m => committeeRole.HandleAsync(m, ct),
        AttendanceMessage { Outcome: AttendanceOutcome.Approved } m => award.HandleAsync(m, ct),
        AttendanceMessage m => reverse.HandleAsync(m, ct),
        OrderServedMessage m => awardOrder.HandleAsync(m, ct),
        ActivityEvidenceVerified m => activityEvidence.HandleAsync(m, ct),
        Delivery d => delivery.HandleAsync(d, ct),
        Assessment.CoBuildingEvent e => coBuilding.HandleAsync(e, ct),
        Assessment.EvaluationsClosed e => evaluationFacts.HandleAsync(e, ct),
        Assessment.AssessmentEvent e => orderFacts.RecordAsync(e, ct),
        Assessment.StationRegistered s => stations.RecordAsync(s, ct),
        Matching.OrderFact f => records.RecordAsync(f, ct),
        _ => Task.CompletedTask,
    };
}
