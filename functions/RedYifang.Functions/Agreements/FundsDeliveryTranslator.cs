using RedYifang.Functions.Funding;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// What agreements need to hear of the funding ledger: money a unit gave (a movement from its donor account) that names an
/// agreement delivers that agreement's money commitments; a reversal of such a gift (money back to the donor account, naming
/// the agreement or undoing a gift that did) takes it back. Other movements deliver nothing.
/// </summary>
public sealed class FundsDeliveryTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not FundingEvent.MovementRecorded { Movement: var m, Original: var original }) yield break;
        if ((m.AgreementId ?? original?.AgreementId) is not { } agreementId) yield break;
        if (m.From.Kind == AccountKind.Donor)
        {
            yield return new FundsDelivery(m.Id, agreementId, m.DistrictId, m.From.OrgId, m.Amount.Fen, m.At).ToMessage();
        }
        else if (m.To.Kind == AccountKind.Donor && m.Reverses is not null)
        {
            yield return new FundsDelivery(m.Id, agreementId, m.DistrictId, m.To.OrgId, -m.Amount.Fen, m.At).ToMessage();
        }
    }
}
