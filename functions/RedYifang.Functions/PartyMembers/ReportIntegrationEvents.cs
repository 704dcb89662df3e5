using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Party members' published contract (docs/events.md): <c>partyMember.reportChanged</c> when an in-service party member reports to
/// a community (pending) and when the report is approved or declined — each state reached once, so the id
/// <c>{reportId}-{state}</c> makes a replay a duplicate. What other systems may count (reports to a community, from a unit, in
/// which service categories) and nothing of the person: no user id (membership of the Party is the member's own to tell), no
/// skills, no free-text work unit, no reason.
/// </summary>
public sealed class ReportIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not ReportEvent { Report: var r } e) yield break;
        var state = EnumText.ToText(r.State);
        var (queue, message) = IntegrationEvent.Of($"{r.Id}-{state}", IntegrationEventType.PartyMemberReportChanged, e.At, new
        {
            reportId = r.Id, districtId = r.DistrictId, communityId = r.CommunityId, gridId = r.GridId, workUnitId = r.WorkUnitId,
            serviceCategories = r.ServiceCategories.Select(EnumText.ToText).ToList(), state,
        });
        yield return new OutboxMessage(queue, message);
    }
}
