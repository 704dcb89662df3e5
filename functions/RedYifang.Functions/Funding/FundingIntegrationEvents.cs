using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Funding's published contract: <c>funding.budgetSet</c> (id <c>{account}-{opening in fen}-{instant}</c>) and
/// <c>funding.movementRecorded</c> (id: the movement's), amounts as decimal strings of yuan. No user ids leave.
/// </summary>
public sealed class FundingIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case FundingEvent.BudgetSet b:
                var (queue, message) = IntegrationEvent.Of($"{b.Account.Account}-{b.Account.Opening.Fen}-{b.At.UtcTicks}",
                    IntegrationEventType.FundingBudgetSet, b.At,
                    new { districtId = b.DistrictId, account = b.Account.Account.ToString(), budget = b.Account.Opening.ToString() });
                yield return new OutboxMessage(queue, message);
                break;
            case FundingEvent.MovementRecorded { Movement: var m }:
                var (q, body) = IntegrationEvent.Of(m.Id, IntegrationEventType.FundingMovementRecorded, m.At, new
                {
                    movementId = m.Id, districtId = m.DistrictId, year = m.Year, from = m.From.ToString(), to = m.To.ToString(),
                    amount = m.Amount.ToString(), activityId = m.ActivityId, agreementId = m.AgreementId, orderId = m.OrderId,
                    reverses = m.Reverses,
                });
                yield return new OutboxMessage(q, body);
                break;
        }
    }
}
