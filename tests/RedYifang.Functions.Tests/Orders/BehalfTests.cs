using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// Orders on behalf of a resident (issue 17): an admin over the community files for a resident of it by user id (who then owns
/// it) or as represented {name, phone} for one without an account (no owner; admins rate it, the rating marked represented).
/// </summary>
[Collection(Slices.Orders)]
public sealed class BehalfTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("behalf");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> File(string asUser, object extra) =>
        _app.SendAsync(HttpMethod.Post, "api/v1/orders", asUser, Body(extra));

    private JsonObject Body(object extra)
    {
        var body = new JsonObject
        {
            ["communityId"] = _d.CommunityId, ["title"] = "代办：助餐", ["category"] = "elderlyCare", ["description"] = "老人不会用手机，社区代为申请",
            ["beneficiaries"] = 1, ["urgency"] = "normal", ["level"] = "community",
        };
        var more = System.Text.Json.JsonSerializer.SerializeToNode(extra, ResponseExtensions.Web)!.AsObject();
        foreach (var (k, v) in more) body[k] = v?.DeepClone();
        return body;
    }

    /// <summary>An accepted order the community admin filed on someone's behalf, written as it stands.</summary>
    private async Task<string> AcceptedForAsync(Behalf behalf)
    {
        var admin = await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        DateTimeOffset Next() => at = at.AddMinutes(1);
        var draft = new NewOrder
        {
            Level = OrderLevel.Community, Title = "代办：修门锁", Category = Category.Repairs, Description = "门锁坏了", Beneficiaries = 1,
            Urgency = Urgency.Normal,
        };
        var id = Keys.NewChildId("ord", _d.CommunityId);
        var community = (await _app.Services.GetRequiredService<RedYifang.Functions.Organisations.OrgStore>().FindAsync(_d.CommunityId))!;
        var change = Order.Submit(draft, id, community.Path, admin, at, raisedByStaff: true, behalf)
            .Then(o => o.Apply(OrderAction.Publish, admin, Next()))
            .Then(o => o.Match(new ProjectAgreement(Keys.NewChildId("agr", _d.CommunityId), "res_x", _d.UnitId, admin, Next())))
            .Then(o => o.Apply(OrderAction.Agree, "usr_liaison", Next()))
            .Then(o => o.Apply(OrderAction.Start, "usr_liaison", Next()))
            .Then(o => o.Complete(new Completion(["evd_x"], 1m, 1, Next()), "usr_liaison"))
            .Then(o => o.Accept(admin, Next(), evidenceVerified: false));
        await _app.Services.GetRequiredService<OrderStore>().AddAsync(change with { Events = [] });
        return id;
    }

    [Fact]
    public async Task Filed_for_a_resident_by_id_they_own_it_see_it_in_their_list_and_rate_it_and_the_admin_may_not()
    {
        var resident = await _d.UserAsync(_app, "lives-here", "resident", _d.CommunityId);
        var residentId = await TestDistrict.UserIdAsync(_app, resident);
        var adminId = await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin);

        var filed = await (await File(_d.CommunityAdmin, new { residentId })).ExpectAsync(201);

        Assert.Equal((residentId, adminId), (filed.Str("ownerId"), filed.Str("filedBy")));
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", resident)).ExpectAsync(200);
        Assert.Contains(mine["items"]!.AsArray(), o => o.Str("id") == filed.Str("id"));

        var accepted = await AcceptedForAsync(new Behalf(residentId, null));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{accepted}/rate", _d.CommunityAdmin, new { stars = 5 }))
            .ExpectProblemAsync(403, "forbidden");
        var rated = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{accepted}/rate", resident, new { stars = 4 }))
            .ExpectAsync(200);
        Assert.Equal((4, false), (rated["rating"]!["stars"]!.GetValue<int>(), rated["rating"]!["represented"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_represented_order_has_no_owner_its_admin_rates_it_marked_represented()
    {
        var filed = await (await File(_d.CommunityAdmin, new { represented = new { name = "王阿姨", phone = "13912345678" } }))
            .ExpectAsync(201);
        Assert.Null(filed["ownerId"]);
        Assert.Equal(("王阿姨", "13912345678"), (filed["represented"].Str("name"), filed["represented"].Str("phone")));

        var accepted = await AcceptedForAsync(new Behalf(null, new RepresentedPerson("王阿姨", "13912345678")));
        var rated = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{accepted}/rate", _d.CommunityAdmin, new { stars = 5 }))
            .ExpectAsync(200);
        Assert.True(rated["rating"]!["represented"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_represented_phone_is_masked_for_a_unit_liaison()
    {
        var filed = await (await File(_d.CommunityAdmin, new { represented = new { name = "李大爷", phone = "13912345678" } }))
            .ExpectAsync(201);
        var id = filed.Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/publish", _d.CommunityAdmin, new { })).ExpectAsync(200);

        var seen = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.Liaison)).ExpectAsync(200);

        Assert.Equal("139****5678", seen["represented"].Str("phone"));
    }

    [Fact]
    public async Task Someone_who_is_no_resident_of_the_community_is_refused_422()
    {
        var elsewhere = await _d.OrgAsync(_app, "community", _d.StreetId, "别的社区");
        var neighbour = await _d.UserAsync(_app, "lives-elsewhere", "resident", elsewhere);
        var residentId = await TestDistrict.UserIdAsync(_app, neighbour);

        await (await File(_d.CommunityAdmin, new { residentId })).ExpectProblemAsync(422, "invalid_reference");
    }

    [Fact]
    public async Task A_resident_filing_for_someone_else_is_forbidden()
    {
        var resident = await _d.UserAsync(_app, "the-other", "resident", _d.CommunityId);
        var residentId = await TestDistrict.UserIdAsync(_app, resident);

        await (await File(_d.Resident, new { residentId })).ExpectProblemAsync(403, "forbidden");
    }
}
