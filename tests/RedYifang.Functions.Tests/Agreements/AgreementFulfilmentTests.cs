using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Agreements;

/// <summary>
/// Fulfilment over HTTP: orders driven from need to acceptance with a verified photo, as residents, admins and liaisons do,
/// and what each agreement then counts. Agreements hear of the acceptance on their own queue (agreement-deliveries), so a
/// test waits until the delivery it caused is counted somewhere before it reads what is not.
/// </summary>
[Collection(Slices.Agreements)]
public sealed class AgreementFulfilmentTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private AgreementParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("fulfilment");
        _p = new AgreementParties(_app, _d);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string order, string action, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", asOpenId, body ?? new { });

    /// <summary>An order of the category, published in the district's community, served by the resource's unit and accepted.</summary>
    private async Task<string> AcceptedOrderAsync(string category, string resource, string liaison, int photoSeed)
    {
        var order = await _d.PublishedOrderAsync(_app, category);
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "agree", liaison)).ExpectAsync(200);
        await (await Act(order, "start", liaison)).ExpectAsync(200);
        var photo = await _app.UploadAsync(liaison, "order", order, Photos.Jpeg(photoSeed));
        Assert.Equal("verified", photo.Str("state"));
        await (await Act(order, "complete", liaison, new { evidenceIds = new[] { photo.Str("id") }, serviceHours = 2, beneficiaries = 20 }))
            .ExpectAsync(200);
        Assert.Equal("accepted", (await (await Act(order, "accept", _d.CommunityAdmin)).ExpectAsync(200)).Str("state"));
        return order;
    }

    private static JsonNode Commitment(JsonObject agreement, int index) => agreement["fulfilment"]![index]!;

    private async Task<JsonObject> CountedAsync(string agreement, string asOpenId, int commitment, int delivered)
    {
        JsonObject read = [];
        await Eventually.WaitAsync(async () =>
        {
            read = await _p.GetAsync(agreement, asOpenId);
            return Commitment(read, commitment)["delivered"]!.GetValue<int>() >= delivered;
        }, TimeSpan.FromSeconds(30));
        return read;
    }

    [Fact]
    public async Task An_accepted_order_the_unit_served_in_the_category_inside_the_term_is_a_delivery_with_its_id()
    {
        var today = AgreementParties.Today;
        var (unit, liaison, liaisonId) = await _p.UnitAsync("履约单位");
        var medical = await _d.PublishedResourceAsync(_app, category: "medical", unitId: unit, asOpenId: liaison);
        var theirs = await _d.PublishedResourceAsync(_app, category: "medical");                      // the district's other unit
        var commitments = new object[]
        {
            new { category = "medical", kind = "service", target = 4 },
            new { category = "legalAid", kind = "service", target = 2 },
            new { category = "medical", kind = "funds", amount = "5000.00" },
        };
        var current = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, unit, liaisonId, AgreementParties.Day(today.AddDays(-30)),
            AgreementParties.Day(today.AddDays(300)), commitments), liaison);
        // The same unit with the community, for a term that ended before today: today's deliveries are not its.
        var past = await _p.ActiveAsync(AgreementParties.Body(_d.CommunityId, unit, liaisonId, AgreementParties.Day(today.AddDays(-400)),
            AgreementParties.Day(today.AddDays(-40)), commitments), liaison);
        var theirLiaison = await TestDistrict.UserIdAsync(_app, _d.Liaison);
        var otherUnits = await _p.ActiveAsync(AgreementParties.Body(_d.StreetId, _d.UnitId, theirLiaison,
            AgreementParties.Day(today.AddDays(-30)), AgreementParties.Day(today.AddDays(300)), commitments), _d.Liaison);

        // First an order the other unit served, counted for it before this unit's order exists.
        var notOurs = await AcceptedOrderAsync("medical", theirs, _d.Liaison, 1601);
        Assert.Equal([notOurs], Commitment(await CountedAsync(otherUnits, _d.StreetAdmin, 0, 1), 0)["deliveries"]!.AsArray()
            .Select(d => d.Str("id")));
        var ours = await AcceptedOrderAsync("medical", medical, liaison, 1602);
        var read = await CountedAsync(current, liaison, 0, 1);

        var counted = Commitment(read, 0);
        Assert.Equal(("medical", "service", 4, 1, 0.25m), (counted.Str("category"), counted.Str("kind"), counted["target"]!.GetValue<int>(),
            counted["delivered"]!.GetValue<int>(), counted["ratio"]!.GetValue<decimal>()));
        var delivery = Assert.Single(counted["deliveries"]!.AsArray());
        Assert.Equal(("order", ours), (delivery.Str("source"), delivery.Str("id")));
        Assert.Null(counted["note"]);
        var otherCategory = Commitment(read, 1);
        Assert.Equal((2, 0, 0m), (otherCategory["target"]!.GetValue<int>(), otherCategory["delivered"]!.GetValue<int>(),
            otherCategory["ratio"]!.GetValue<decimal>()));
        Assert.Empty(otherCategory["deliveries"]!.AsArray());
        var funds = Commitment(read, 2);
        // Nothing given towards the agreement yet (FundsDeliveryTests gives money): 0.00 of 5000.00.
        Assert.Equal(("funds", (JsonNode?)null, (JsonNode?)null, 0m), (funds.Str("kind"), funds["delivered"], funds["target"],
            funds["ratio"]!.GetValue<decimal>()));
        Assert.Equal(("5000.00", "0.00", (JsonNode?)null), (funds.Str("amount"), funds.Str("amountDelivered"), funds["note"]));
        Assert.Empty(funds["movements"]!.AsArray());
        var before = await _p.GetAsync(past, _d.CommunityAdmin);
        Assert.Equal((0, 0m), (Commitment(before, 0)["delivered"]!.GetValue<int>(), Commitment(before, 0)["ratio"]!.GetValue<decimal>()));
        // Lists carry no fulfilment (it is a read per commitment).
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements?orgId={unit}", liaison)).ExpectAsync(200);
        Assert.All(listed["items"]!.AsArray(), a => Assert.Null(a!["fulfilment"]));
    }
}
