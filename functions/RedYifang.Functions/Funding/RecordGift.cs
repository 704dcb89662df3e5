using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Records a gift heard from orders (queue <c>funding-gifts</c>) as a movement from the unit's donor account to the community's
/// donations, in the year (China Standard Time) of the acceptance; the order is the movement's source, so a message heard twice
/// records one movement.
/// </summary>
public sealed class RecordGift(FundingStore store, TimeProvider clock)
{
    public const string System = "system";

    public async Task<Movement> HandleAsync(FundsGift gift, CancellationToken ct)
    {
        var year = ChinaTime.Today(gift.At).Year;
        var movement = new Movement
        {
            Id = Movement.NewId(gift.DistrictId, year, clock), DistrictId = gift.DistrictId,
            From = new AccountId(AccountKind.Donor, gift.UnitId, year), To = new AccountId(AccountKind.Donations, gift.CommunityId, year),
            Amount = new Money(gift.Fen), Memo = $"资金类服务资源订单验收 {gift.OrderId}", OrderId = gift.OrderId, By = System, At = gift.At,
        };
        return await store.MoveAsync(movement, Money.Zero, Money.Zero, $"order|{gift.OrderId}",
            (payer, payee, _) => Ledger.Move(payer, payee, movement.Amount)!.Value, m => [new FundingEvent.MovementRecorded(m, null)], ct);
    }
}

/// <summary>Records each gift of a funds resource's accepted order (queue <c>funding-gifts</c>).</summary>
internal sealed class GiftFunction(RecordGift record)
{
    [Function("RecordFundsGift")]
    public Task Run([QueueTrigger(FundsGift.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        record.HandleAsync(QueueMessages.Parse<FundsGift>(message), ct);
}
