using System.Globalization;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Agreements' published contract: <c>agreement.stateChanged</c> when an agreement is created (draft), becomes active, is
/// terminated or expires, and <c>agreement.renewalDue</c> once when its term is about to end. No personal data (no liaison,
/// no reason). Each state is reached at most once and the notice is raised once, so the ids (<c>{id}-{state}</c>,
/// <c>{id}-renewalDue</c>) make a replay a duplicate Service Bus drops.
/// </summary>
public sealed class AgreementIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        (IntegrationEventType Type, string Suffix, AgreementState? From)? published = domainEvent switch
        {
            AgreementEvent.Created => (IntegrationEventType.AgreementStateChanged, "draft", null),
            AgreementEvent.Activated => (IntegrationEventType.AgreementStateChanged, "active", AgreementState.Draft),
            AgreementEvent.Terminated t => (IntegrationEventType.AgreementStateChanged, "terminated", t.From),
            AgreementEvent.Expired => (IntegrationEventType.AgreementStateChanged, "expired", AgreementState.Active),
            AgreementEvent.RenewalDue => (IntegrationEventType.AgreementRenewalDue, "renewalDue", null),
            _ => null,
        };
        if (published is not { } p) yield break;
        var a = ((AgreementEvent)domainEvent).Agreement;
        object data = p.Type == IntegrationEventType.AgreementRenewalDue
            ? new { agreementId = a.Id, districtId = a.DistrictId, partyOrgId = a.PartyOrgId, unitId = a.UnitId, termFrom = Day(a.TermFrom),
                termTo = Day(a.TermTo) }
            : new { agreementId = a.Id, districtId = a.DistrictId, partyOrgId = a.PartyOrgId, unitId = a.UnitId, termFrom = Day(a.TermFrom),
                termTo = Day(a.TermTo), from = p.From is { } from ? EnumText.ToText(from) : null, to = EnumText.ToText(a.State) };
        var (queue, message) = IntegrationEvent.Of($"{a.Id}-{p.Suffix}", p.Type, domainEvent.At, data);
        yield return new OutboxMessage(queue, message);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
