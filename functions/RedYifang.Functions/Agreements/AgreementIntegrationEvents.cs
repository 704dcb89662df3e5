using System.Globalization;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Agreements' published contract (docs/events.md): <c>agreement.stateChanged</c> when an agreement is created (draft), becomes
/// active, is terminated or expires; <c>agreement.signed</c> when a side signs (the party organisation, then or before the unit's
/// liaison countersigns); <c>agreement.renewalDue</c> once when its term is about to end; and <c>agreement.deliveryRecorded</c>
/// when something a unit delivered is recorded against its commitments (an accepted order with verified evidence, or a closed
/// activity that delivers a commitment). No personal data (no liaison, no signer, no reason). Each state is reached at most
/// once, each side signs once, the notice is raised once and a delivery is keyed by what it records, so the ids
/// (<c>{id}-{state}</c>, <c>{id}-signed-{side}</c>, <c>{id}-renewalDue</c>, <c>{sourceId}-delivery</c>) make a replay a
/// duplicate Service Bus drops.
/// </summary>
public sealed class AgreementIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is DeliveryRecorded { Delivery: var d })
        {
            var (q, m) = IntegrationEvent.Of($"{d.SourceId}-delivery", IntegrationEventType.AgreementDeliveryRecorded, d.At, new
            {
                districtId = d.DistrictId, unitId = d.UnitId, source = EnumText.ToText(d.Source), sourceId = d.SourceId,
                category = EnumText.ToText(d.Category), at = d.At,
            });
            yield return new OutboxMessage(q, m);
            yield break;
        }
        (IntegrationEventType Type, string Suffix, AgreementState? From)? published = domainEvent switch
        {
            AgreementEvent.Created => (IntegrationEventType.AgreementStateChanged, "draft", null),
            AgreementEvent.Activated => (IntegrationEventType.AgreementStateChanged, "active", AgreementState.Draft),
            AgreementEvent.Terminated t => (IntegrationEventType.AgreementStateChanged, "terminated", t.From),
            AgreementEvent.Expired => (IntegrationEventType.AgreementStateChanged, "expired", AgreementState.Active),
            AgreementEvent.RenewalDue => (IntegrationEventType.AgreementRenewalDue, "renewalDue", null),
            AgreementEvent.Signed => (IntegrationEventType.AgreementSigned, "signed-party", null),
            AgreementEvent.Countersigned => (IntegrationEventType.AgreementSigned, "signed-unit", null),
            _ => null,
        };
        if (published is not { } p) yield break;
        var a = ((AgreementEvent)domainEvent).Agreement;
        var terms = (agreementId: a.Id, districtId: a.DistrictId, partyOrgId: a.PartyOrgId, unitId: a.UnitId, termFrom: Day(a.TermFrom),
            termTo: Day(a.TermTo));
        object data = p.Suffix switch
        {
            "renewalDue" => new { terms.agreementId, terms.districtId, terms.partyOrgId, terms.unitId, terms.termFrom, terms.termTo },
            "signed-party" or "signed-unit" => new
            {
                terms.agreementId, terms.districtId, terms.partyOrgId, terms.unitId, terms.termFrom, terms.termTo,
                side = p.Suffix == "signed-party" ? "party" : "unit", state = EnumText.ToText(a.State),
            },
            _ => new
            {
                terms.agreementId, terms.districtId, terms.partyOrgId, terms.unitId, terms.termFrom, terms.termTo,
                from = p.From is { } from ? EnumText.ToText(from) : null, to = EnumText.ToText(a.State),
            },
        };
        var (queue, message) = IntegrationEvent.Of($"{a.Id}-{p.Suffix}", p.Type, domainEvent.At, data);
        yield return new OutboxMessage(queue, message);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
