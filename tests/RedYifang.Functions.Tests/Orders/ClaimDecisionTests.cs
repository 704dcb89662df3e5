namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// A unit's claim waits for the community (issue 17; domain.md): <c>POST /v1/orders/{id}/claim/approve {unitId}</c> matches the
/// order with the claimed resource, <c>claim/reject {unitId, reason}</c> drops the claim with the reason in the history.
/// Each test uses units of its own.
/// </summary>
[Collection(Slices.Orders)]
public sealed class ClaimDecisionTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("claims");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private async Task<(string Unit, string Liaison, string Resource)> ClaimingUnitAsync(string name, string category, int capacity = 3)
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}服务队", "socialOrganization");
        var liaison = await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit);
        return (unit, liaison, await _d.PublishedResourceAsync(_app, capacity, category, [_d.StreetId], unit, liaison));
    }

    [Fact]
    public async Task The_community_approves_a_claim_which_matches_the_order_with_the_claimed_resource()
    {
        var (unit, liaison, resource) = await ClaimingUnitAsync("批准认领", "legalAid", capacity: 1);
        var (other, otherLiaison, otherResource) = await ClaimingUnitAsync("另一认领", "legalAid");
        var order = await _d.PublishedOrderAsync(_app, "legalAid");
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "claim", otherLiaison, new { resourceId = otherResource })).ExpectAsync(200);

        var approved = await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = unit })).ExpectAsync(200);

        Assert.Equal(("matched", unit, resource), (approved.Str("state"), approved.Str("unitId"), approved.Str("resourceId")));
        Assert.Equal(await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin), approved["agreement"].Str("by"));
        // The month's capacity (one) is taken: the same resource cannot take another order.
        var next = await _d.PublishedOrderAsync(_app, "legalAid");
        await (await Act(next, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectProblemAsync(409, "capacity_exhausted");
        // Decided: a second decision finds the order matched.
        await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = other })).ExpectProblemAsync(409, "invalid_transition");
        await (await Act(order, "claim/reject", _d.CommunityAdmin, new { unitId = other, reason = "已匹配" }))
            .ExpectProblemAsync(409, "invalid_transition");
    }

    [Fact]
    public async Task A_rejected_claim_is_dropped_with_the_reason_and_the_order_stays_published()
    {
        var (unit, liaison, resource) = await ClaimingUnitAsync("驳回认领", "psychological");
        var order = await _d.PublishedOrderAsync(_app, "psychological");
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);

        var rejected = await (await Act(order, "claim/reject", _d.CommunityAdmin, new { unitId = unit, reason = "需要持证咨询师" }))
            .ExpectAsync(200);

        Assert.Equal("published", rejected.Str("state"));
        Assert.Empty(rejected["claims"]!.AsArray());
        var step = rejected["history"]!.AsArray()[^1]!;
        Assert.Equal(("published", "published", $"驳回 {unit} 的认领：需要持证咨询师"), (step.Str("from"), step.Str("to"), step.Str("reason")));
        // No claim of the unit's left to decide; it may claim again.
        await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = unit })).ExpectProblemAsync(422, "invalid_reference");
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);
    }

    [Fact]
    public async Task Only_admins_who_may_match_decide_and_bad_input_changes_nothing()
    {
        var (unit, liaison, resource) = await ClaimingUnitAsync("认领规则", "employment");
        var order = await _d.PublishedOrderAsync(_app, "employment");
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);

        await (await Act(order, "claim/approve", liaison, new { unitId = unit })).ExpectProblemAsync(403, "forbidden");
        await (await Act(order, "claim/reject", _d.Liaison, new { unitId = unit, reason = "x" })).ExpectProblemAsync(403, "forbidden");
        await (await Act(order, "claim/approve", _d.Stranger, new { unitId = unit })).ExpectProblemAsync(404, "not_found");
        Assert.Equal(["reason"], (await (await Act(order, "claim/reject", _d.CommunityAdmin, new { unitId = unit }))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        Assert.Equal(["unitId"], (await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = "not an id" }))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = _d.UnitId }))
            .ExpectProblemAsync(422, "invalid_reference");   // a unit that did not claim

        var after = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", _d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal(("published", 2, unit), (after.Str("state"), after["history"]!.AsArray().Count, after["claims"]![0].Str("unitId")));
    }
}
