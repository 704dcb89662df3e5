using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Matching;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// A matched unit gives an order back (issue 17): <c>POST /v1/orders/{id}/decline {reason}</c> by its liaison from matched or
/// agreed. Each test uses a unit of its own in this class's district, so its record and the street's statistics are exact.
/// </summary>
[Collection(Slices.Orders)]
public sealed class DeclineTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("decline");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private async Task<(string Unit, string Liaison)> UnitAsync(string name)
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}服务队", "socialOrganization");
        return (unit, await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit));
    }

    [Fact]
    public async Task The_liaison_declines_an_agreed_order_which_is_published_again_with_its_capacity_back_and_the_decline_counted()
    {
        var (unit, liaison) = await UnitAsync("婉拒");
        var resource = await _d.PublishedResourceAsync(_app, 1, "cultureSport", [_d.StreetId], unit, liaison);
        var order = await _d.PublishedOrderAsync(_app, "cultureSport");
        var other = await _d.PublishedOrderAsync(_app, "cultureSport");
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "agree", liaison)).ExpectAsync(200);
        await (await Act(other, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectProblemAsync(409, "capacity_exhausted");

        var declined = await (await Act(order, "decline", liaison, new { reason = "本月人手不足" })).ExpectAsync(200);

        Assert.Equal("published", declined.Str("state"));
        var step = declined["history"]!.AsArray()[^1]!;
        Assert.Equal(("agreed", "published", "本月人手不足", await TestDistrict.UserIdAsync(_app, liaison)),
            (step.Str("from"), step.Str("to"), step.Str("reason"), step.Str("by")));
        Assert.Null(declined["agreement"]);
        Assert.Empty(declined["claims"]!.AsArray());                                              // the unit's claim went with it
        // The unit's month is free again: the resource takes the other order.
        await (await Act(other, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        var records = _app.Services.GetRequiredService<UnitRecords>();
        UnitRecord record = UnitRecord.New;
        await Eventually.WaitAsync(async () => (record = await records.GetAsync(unit)).Declined == 1 && record.Assigned == 2,
            TimeSpan.FromSeconds(30));
        Assert.Equal((2, 1, 1, 1), (record.Assigned, record.Open, record.Failed, record.Declined));       // docs/assessment.md
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        JsonObject stats = [];
        await Eventually.WaitAsync(async () =>
        {
            stats = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={_d.StreetId}&period={month}", _d.StreetAdmin))
                .ExpectAsync(200);
            return stats["ordersDeclined"]!.GetValue<int>() > 0;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(1, stats["ordersDeclined"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_the_matched_unit_declines_only_from_matched_or_agreed_and_with_a_reason()
    {
        var (unit, liaison) = await UnitAsync("拒绝规则");
        var resource = await _d.PublishedResourceAsync(_app, 5, "employment", [_d.StreetId], unit, liaison);
        var order = await _d.PublishedOrderAsync(_app, "employment");
        await (await Act(order, "decline", liaison, new { reason = "无" })).ExpectProblemAsync(403, "forbidden");   // not matched yet
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "decline", _d.CommunityAdmin, new { reason = "无" })).ExpectProblemAsync(403, "forbidden");
        // Another unit's liaison no longer sees the order once it is matched.
        await (await Act(order, "decline", _d.Liaison, new { reason = "无" })).ExpectProblemAsync(404, "not_found");
        var missing = await (await Act(order, "decline", liaison, new { })).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["reason"], missing.Errors().Keys);
        await (await Act(order, "agree", liaison)).ExpectAsync(200);
        await (await Act(order, "start", liaison)).ExpectAsync(200);

        await (await Act(order, "decline", liaison, new { reason = "做不了" })).ExpectProblemAsync(409, "invalid_transition");

        var after = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", liaison)).ExpectAsync(200);
        Assert.Equal(["submitted", "published", "matched", "agreed", "inProgress"],
            after["history"]!.AsArray().Select(h => h.Str("to")));
    }
}
