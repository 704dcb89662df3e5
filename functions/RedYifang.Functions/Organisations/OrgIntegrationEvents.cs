using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Organisations' published contract: <c>org.changed</c> for each edit (id: the history entry's, so each edit once), with the
/// organisation's ids and the fields changed, old and new. No user id leaves (the history names the editor; the event does not).
/// </summary>
public sealed class OrgIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrgChanged e) yield break;
        var (queue, message) = IntegrationEvent.Of(e.Entry.Id, IntegrationEventType.OrgChanged, e.At, new
        {
            orgId = e.Org.Id, districtId = e.Org.Path[0], kind = EnumText.ToText(e.Org.Kind),
            changes = e.Entry.Changes.Select(c => new { field = c.Field, from = c.From, to = c.To }).ToList(),
        });
        yield return new OutboxMessage(queue, message);
    }
}
