using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// Organisations' published contract (docs/events.md): <c>org.created</c> when one is registered (id <c>{orgId}-created</c>), with
/// its place in the tree and its figures, and <c>org.changed</c> for each edit (id: the history entry's, so each edit once), with
/// the fields changed, old and new. No user id leaves (the history names the editor and the row its creator; the events do not).
/// </summary>
public sealed class OrgIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case OrgCreated { Org: var o } e:
                var (q, m) = IntegrationEvent.Of($"{o.Id}-created", IntegrationEventType.OrgCreated, e.At, new
                {
                    orgId = o.Id, districtId = o.Path[0], parentId = o.ParentId, path = o.Path, kind = EnumText.ToText(o.Kind),
                    unitKind = o.UnitKind is { } unitKind ? EnumText.ToText(unitKind) : null, name = o.Name, address = o.Address,
                    partyBranches = o.PartyBranches, partyMembers = o.PartyMembers, households = o.Households,
                });
                yield return new OutboxMessage(q, m);
                break;
            case OrgChanged e:
                var (queue, message) = IntegrationEvent.Of(e.Entry.Id, IntegrationEventType.OrgChanged, e.At, new
                {
                    orgId = e.Org.Id, districtId = e.Org.Path[0], kind = EnumText.ToText(e.Org.Kind),
                    changes = e.Entry.Changes.Select(c => new { field = c.Field, from = c.From, to = c.To }).ToList(),
                });
                yield return new OutboxMessage(queue, message);
                break;
        }
    }
}
