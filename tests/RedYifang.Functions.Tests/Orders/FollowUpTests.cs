using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// "Is it fixed?" (issue 17): <c>POST /v1/orders/{id}/follow-up {fixed, comment?}</c> by the resident the order is for, once,
/// Orders:FollowUpAfterDays (7) days after acceptance; and the closing timer's use case for orders left unrated for
/// Orders:CloseUnratedAfterDays (30). Accepted orders are written here with their acceptance backdated (the walk is the real
/// lifecycle, as the demo's), each served by a unit of the test's own so its record and facts are exact.
/// </summary>
[Collection(Slices.Orders)]
public sealed class FollowUpTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("follow-up");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> FollowUp(string id, string asUser, object body) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/follow-up", asUser, body);

    private async Task<JsonObject> GetAsync(string id) =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.CommunityAdmin)).ExpectAsync(200);

    /// <summary>An order of the district's resident, walked to accepted by a new unit <paramref name="daysAgo"/> days (and four hours) ago.</summary>
    internal static async Task<(string Order, string Unit)> AcceptedAsync(AppUnderTest app, TestDistrict d, string unitName, double daysAgo,
        bool rated = false)
    {
        var unit = await d.OrgAsync(app, "unit", d.StreetId, $"{unitName}服务队", "socialOrganization");
        var owner = await TestDistrict.UserIdAsync(app, d.Resident);
        // Six steps an hour apart: accepted daysAgo days and four hours ago.
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo).AddHours(-10);
        DateTimeOffset Next() => at = at.AddHours(1);
        var draft = new NewOrder
        {
            Level = OrderLevel.Community, Title = "楼道灯坏了", Category = Category.Repairs, Description = "单元楼道灯不亮", Beneficiaries = 3,
            Urgency = Urgency.Normal, ContactPhone = "13812341234",
        };
        var id = Keys.NewChildId("ord", d.CommunityId);
        var community = (await app.Services.GetRequiredService<RedYifang.Functions.Organisations.OrgStore>().FindAsync(d.CommunityId))!;
        var change = Order.Submit(draft, id, community.Path, owner, at)
            .Then(o => o.Apply(OrderAction.Publish, "usr_admin", Next()))
            .Then(o => o.Match(new ProjectAgreement(Keys.NewChildId("agr", d.CommunityId), "res_x", unit, "usr_admin", Next())))
            .Then(o => o.Apply(OrderAction.Agree, "usr_liaison", Next()))
            .Then(o => o.Apply(OrderAction.Start, "usr_liaison", Next()))
            .Then(o => o.Complete(new Completion(["evd_x"], 2m, 3, Next()), "usr_liaison"))
            .Then(o => o.Accept("usr_admin", Next(), evidenceVerified: true));
        if (rated) change = change.Then(o => o.Rate(new Rating(5, null, at.AddMinutes(1)), owner));
        // The walk's events are not the test's subject: the order is written as it stands.
        await app.Services.GetRequiredService<OrderStore>().AddAsync(change with { Events = [] });
        return (id, unit);
    }

    [Fact]
    public async Task Not_fixed_after_the_days_sends_it_back_in_progress_to_its_unit_counted_as_reopened_and_only_once()
    {
        var (order, unit) = await AcceptedAsync(_app, _d, "回访未修好", daysAgo: 7);
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);

        var answered = await (await FollowUp(order, _d.Resident, new { @fixed = false, comment = "灯又不亮了" })).ExpectAsync(200);

        Assert.Equal("inProgress", answered.Str("state"));
        var step = answered["history"]!.AsArray()[^1]!;
        Assert.Equal(("accepted", "inProgress", resident, "居民回访：问题未解决。灯又不亮了"),
            (step.Str("from"), step.Str("to"), step.Str("by"), step.Str("reason")));
        Assert.Equal((false, "灯又不亮了", resident),
            (answered["followUp"]!["fixed"]!.GetValue<bool>(), answered["followUp"].Str("comment"), answered["followUp"].Str("by")));
        Assert.Equal(unit, answered.Str("unitId"));
        await (await FollowUp(order, _d.Resident, new { @fixed = true })).ExpectProblemAsync(409, "follow_up_done");

        // The unit's record and the assessment count it as a reopened order of the unit's.
        var records = _app.Services.GetRequiredService<UnitRecords>();
        await Eventually.WaitAsync(async () => (await records.GetAsync(unit)).Failed > 0, TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await records.GetAsync(unit)).Failed);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        JsonArray facts = [];
        await Eventually.WaitAsync(async () =>
        {
            facts = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{month}/orgs/{unit}/facts", _d.StreetAdmin))
                .ExpectAsync(200))["items"]!.AsArray();
            return facts.Count > 0;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal([$"{order}|reopened"], facts.Select(f => f.Str("id")));
    }

    [Fact]
    public async Task Two_follow_ups_at_once_one_wins_and_the_other_is_409_conflict_with_one_answer_kept()
    {
        // An app of its own whose storage clients pass through a barrier: both requests read the order before either writes.
        var barrier = new ReadBarrier();
        await using var race = await SliceApp.StartAsync(new Dictionary<string, string?>(),
            (services, configuration) => services.AddSingleton(new StorageClients(configuration, barrier)));
        var d = await race.DistrictAsync("follow-up-race");
        var (order, _) = await AcceptedAsync(race.App, d, "同时回访", daysAgo: 8);
        barrier.Arm($"order|{order}", 2);
        HttpResponseMessage[] answers;
        try
        {
            answers = await Task.WhenAll(
                race.App.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/follow-up", d.Resident, new { @fixed = false }),
                race.App.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/follow-up", d.Resident, new { @fixed = false }));
            Assert.Equal(2, barrier.Held);
        }
        finally
        {
            barrier.Disarm();
        }

        Assert.Equal([200, 409], answers.Select(a => (int)a.StatusCode).Order());
        await answers.Single(a => (int)a.StatusCode == 409).ExpectProblemAsync(409, "conflict");
        var after = await (await race.App.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal(("inProgress", 8), (after.Str("state"), after["history"]!.AsArray().Count));
    }

    [Fact]
    public async Task Fixed_is_kept_on_the_accepted_order_which_the_resident_still_rates()
    {
        var (order, _) = await AcceptedAsync(_app, _d, "回访已修好", daysAgo: 8);

        var answered = await (await FollowUp(order, _d.Resident, new { @fixed = true })).ExpectAsync(200);

        Assert.Equal(("accepted", 7), (answered.Str("state"), answered["history"]!.AsArray().Count));
        Assert.True(answered["followUp"]!["fixed"]!.GetValue<bool>());
        Assert.Null(answered["followUp"]!["comment"]);
        var rated = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/rate", _d.Resident, new { stars = 5 }))
            .ExpectAsync(200);
        Assert.Equal("closed", rated.Str("state"));
        await (await FollowUp(order, _d.Resident, new { @fixed = false })).ExpectProblemAsync(409, "follow_up_done");
    }

    [Fact]
    public async Task Too_early_not_the_owner_or_bad_input_is_refused_and_changes_nothing()
    {
        var (early, _) = await AcceptedAsync(_app, _d, "回访太早", daysAgo: 6.8);   // 6 days 23 hours
        await (await FollowUp(early, _d.Resident, new { @fixed = false })).ExpectProblemAsync(409, "follow_up_not_due");

        var (order, _) = await AcceptedAsync(_app, _d, "回访规则", daysAgo: 10);
        // The admins over the community read the order but do not answer for the resident; others do not see it.
        await (await FollowUp(order, _d.CommunityAdmin, new { @fixed = true })).ExpectProblemAsync(403, "forbidden");
        await (await FollowUp(order, _d.OtherResident, new { @fixed = true })).ExpectProblemAsync(404, "not_found");
        Assert.Equal(["fixed"], (await (await FollowUp(order, _d.Resident, new { comment = "x" })).ExpectProblemAsync(400,
            "validation_failed")).Errors().Keys);
        Assert.Equal(["comment"], (await (await FollowUp(order, _d.Resident, new { @fixed = true, comment = new string('长', 501) }))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
        Assert.Equal(["fixed"], (await (await FollowUp(order, _d.Resident, new { @fixed = "yes" })).ExpectProblemAsync(400,
            "validation_failed")).Errors().Keys);

        foreach (var id in new[] { early, order })
        {
            var after = await GetAsync(id);
            Assert.Equal(("accepted", 7), (after.Str("state"), after["history"]!.AsArray().Count));
            Assert.Null(after["followUp"]);
        }
        // Not accepted (published): no follow-up.
        var published = await _d.PublishedOrderAsync(_app, "repairs");
        await (await FollowUp(published, _d.Resident, new { @fixed = true })).ExpectProblemAsync(409, "invalid_transition");
    }

    [Fact]
    public async Task Accepted_orders_left_unrated_for_the_days_close_without_a_rating_and_count_apart_from_ratings()
    {
        var (stale, unit) = await AcceptedAsync(_app, _d, "未评价", daysAgo: 30);
        var (fresh, _) = await AcceptedAsync(_app, _d, "新验收", daysAgo: 29);
        var (rated, _) = await AcceptedAsync(_app, _d, "已评价", daysAgo: 40, rated: true);

        // As the host fires it on Orders:ClosingSchedule, with Orders:CloseUnratedAfterDays (30 by default).
        await ActivatorUtilities.CreateInstance<OrderClosingFunction>(_app.Services)
            .Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        var closed = await GetAsync(stale);
        Assert.Equal(("closed", null), (closed.Str("state"), closed["rating"]?.ToJsonString()));
        var step = closed["history"]!.AsArray()[^1]!;
        Assert.Equal(("accepted", "closed", "system", "验收后 30 天未评价，自动关闭"),
            (step.Str("from"), step.Str("to"), step.Str("by"), step.Str("reason")));
        Assert.Equal("accepted", (await GetAsync(fresh)).Str("state"));
        Assert.Equal(8, (await GetAsync(rated))["history"]!.AsArray().Count);
        // Nothing left to close; the resident can no longer rate or follow up the closed order.
        Assert.Equal(0, await _app.Services.GetRequiredService<CloseUnratedOrders>().HandleAsync(CancellationToken.None));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{stale}/rate", _d.Resident, new { stars = 1 }))
            .ExpectProblemAsync(409, "invalid_transition");

        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        JsonArray facts = [];
        await Eventually.WaitAsync(async () =>
        {
            facts = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{month}/orgs/{unit}/facts", _d.StreetAdmin))
                .ExpectAsync(200))["items"]!.AsArray();
            return facts.Count > 0;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal([($"{stale}|closedUnrated|{unit}", "closedUnrated", 0)],
            facts.Select(f => (f.Str("id"), f.Str("kind"), f!["stars"]!.GetValue<int>())));
    }
}
