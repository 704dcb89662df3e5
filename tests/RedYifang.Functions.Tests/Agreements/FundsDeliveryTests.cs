using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Agreements;

/// <summary>
/// Money commitments show their delivery: donor movements of the funding ledger naming the agreement reach Agreements on their
/// own queue (agreement-funds) and count, exactly, against its funds commitment; a reversal takes its gift back; a message
/// delivered again counts once; another unit's movement naming the agreement counts for nothing.
/// </summary>
[Collection(Slices.Agreements)]
public sealed class FundsDeliveryTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private AgreementParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("fundsdelivery");
        _p = new AgreementParties(_app, _d);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> GiveAsync(string liaison, string unit, string amount, string? agreementId)
    {
        var year = ChinaTime.Today(DateTimeOffset.UtcNow).Year;
        return await (await _app.SendAsync(HttpMethod.Post, "api/v1/funding/movements", liaison, new
        {
            from = $"donor:{unit}:{year}", to = $"donations:{_d.StreetId}:{year}", amount, memo = "共建协议资金承诺", agreementId,
        })).ExpectAsync(201);
    }

    private async Task<JsonNode> FundsOnceAsync(string agreement, string asOpenId, int movements)
    {
        JsonNode funds = null!;
        await Eventually.WaitAsync(async () =>
        {
            funds = (await _p.GetAsync(agreement, asOpenId))["fulfilment"]![1]!;
            return funds["movements"]!.AsArray().Count >= movements;
        }, TimeSpan.FromSeconds(30));
        return funds;
    }

    [Fact]
    public async Task Gifts_naming_the_agreement_less_a_reversal_show_as_money_delivered_exactly_and_a_redelivery_counts_once()
    {
        var today = AgreementParties.Today;
        var (unit, liaison, liaisonId) = await _p.UnitAsync("出资单位");
        var agreement = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(today.AddDays(-30)),
            AgreementParties.Day(today.AddDays(300))), liaison);
        var deliveries = _app.Services.GetRequiredService<DeliveryStore>();

        // Another unit's gift naming this agreement is kept under that unit (waited for there) and never counts for this one.
        var stranger = await GiveAsync(_d.Liaison, _d.UnitId, "700.00", agreement);
        await Eventually.WaitAsync(async () => (await deliveries.ListFundsAsync(_d.DistrictId, _d.UnitId, agreement)).Count == 1,
            TimeSpan.FromSeconds(30));
        // Three times 0.10 (0.30 exactly, as a float would not add), 1666.66, and 99.99 reversed; one gift naming no agreement.
        var gifts = new List<string>();
        foreach (var amount in new[] { "0.10", "0.10", "0.10", "1666.66", "99.99" })
        {
            gifts.Add((await GiveAsync(liaison, unit, amount, agreement)).Str("id"));
        }
        await GiveAsync(liaison, unit, "50.00", null);
        var reversal = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/funding/movements/{gifts[4]}/reverse", liaison,
            new { reason = "重复登记" })).ExpectAsync(201);

        var funds = await FundsOnceAsync(agreement, liaison, 6);
        Assert.Equal(("funds", "5000.00", "1666.96", 0.3334m), (funds.Str("kind"), funds.Str("amount"), funds.Str("amountDelivered"),
            funds["ratio"]!.GetValue<decimal>()));
        // Oldest first: the gifts as given, then the reversal.
        Assert.Equal(
            [.. gifts.Zip(["0.10", "0.10", "0.10", "1666.66", "99.99"], (id, amount) => $"{id}:{amount}"), $"{reversal.Str("id")}:-99.99"],
            funds["movements"]!.AsArray().Select(m => $"{m.Str("movementId")}:{m.Str("amount")}"));
        Assert.DoesNotContain(stranger.Str("id"), funds["movements"]!.AsArray().Select(m => m.Str("movementId")));

        // The 1666.66 gift's message delivered again: one row, the same figure.
        var again = new FundsDelivery(gifts[3], agreement, _d.DistrictId, unit, 166_666, DateTimeOffset.UtcNow);
        await _app.Services.GetRequiredService<RecordFundsDelivery>().HandleAsync(again, CancellationToken.None);
        var after = (await _p.GetAsync(agreement, liaison))["fulfilment"]![1]!;
        Assert.Equal(("1666.96", 6), (after.Str("amountDelivered"), after["movements"]!.AsArray().Count));
        // The service commitment beside it still counts deliveries, not money.
        Assert.Equal((0, (JsonNode?)null), ((await _p.GetAsync(agreement, liaison))["fulfilment"]![0]!["delivered"]!.GetValue<int>(),
            (await _p.GetAsync(agreement, liaison))["fulfilment"]![0]!["amount"]));
    }
}
