using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Notifications;

/// <summary>
/// The inbox (<c>GET /v1/me/notifications</c>, <c>POST /v1/me/notifications/{id}/read</c>) and the subscriptions
/// (<c>/v1/me/subscriptions</c>), over HTTP; and a second app without WeChat's AppId, as ./run.sh runs, that still records
/// every notification, marked not sent.
/// </summary>
[Collection(NotificationsApp.Collection)]
public sealed class InboxTests(NotificationsApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("inbox");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private Task<HttpResponseMessage> Subscribe(string openId, object body) =>
        _app.SendAsync(HttpMethod.Post, "api/v1/me/subscriptions", openId, body);

    [Fact]
    public async Task The_inbox_lists_every_notification_newest_first_in_pages_with_a_read_flag_and_another_users_is_404()
    {
        var resident = await _d.UserAsync(_app, "reader", "resident", _d.CommunityId);
        await Inbox.SubscribeAsync(_app, resident, "orderStatus");
        var resource = await _d.PublishedResourceAsync(_app, 5);
        var order = await _d.PublishedOrderAsync(_app, asOpenId: resident);
        await Inbox.SettledAsync(_app, resident, order, "published");
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await Inbox.SettledAsync(_app, resident, order, "matched");
        await (await Act(order, "cancel", _d.CommunityAdmin, new { reason = "居民已自行解决" })).ExpectAsync(200);
        await Inbox.SettledAsync(_app, resident, order, "cancelled");

        // Newest first, sent or not, in pages of two.
        var first = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me/notifications?limit=2", resident)).ExpectAsync(200);
        var token = first.Str("continuationToken");
        var second = await (await _app.SendAsync(HttpMethod.Get,
            $"api/v1/me/notifications?limit=2&continuationToken={Uri.EscapeDataString(token)}", resident)).ExpectAsync(200);
        List<JsonObject> items = [.. first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!.AsObject())];
        Assert.Equal(["cancelled", "matched", "published"], items.Select(i => i.Str("kind")));
        Assert.Equal(["noQuota", "noQuota", "sent"], items.Select(i => i.Str("sendState")));
        var times = items.ConvertAll(i => i["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(items, i => Assert.False(i["read"]!.GetValue<bool>()));
        Assert.Equal("「独居老人需要助餐」已取消：居民已自行解决", items[0].Str("summary"));

        var id = items[1].Str("id");
        var read = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/me/notifications/{id}/read", resident)).ExpectAsync(200);
        Assert.True(read["read"]!.GetValue<bool>());
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/me/notifications/{id}/read", resident)).ExpectAsync(200);   // again
        var after = await Inbox.OfOrderAsync(_app, resident, order);
        Assert.Equal([false, true, false], after.Select(i => i["read"]!.GetValue<bool>()));

        // Another user's notification, one that does not exist and a malformed id: 404, and nothing marked.
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/me/notifications/{items[0].Str("id")}/read", _d.OtherResident))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/me/notifications/ntf_0000000000zzzzzzzzzzzzzzzz/read", resident))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/me/notifications/org_x1/read", resident)).ExpectProblemAsync(404, "not_found");
        Assert.False((await Inbox.OfOrderAsync(_app, resident, order))[0]["read"]!.GetValue<bool>());
        Assert.Empty((await (await _app.SendAsync(HttpMethod.Get, "api/v1/me/notifications", _d.OtherResident)).ExpectAsync(200))["items"]!
            .AsArray());
    }

    [Fact]
    public async Task An_accepted_subscription_adds_one_a_refusal_adds_nothing_and_an_unknown_template_is_422_writing_nothing()
    {
        var user = await _d.UserAsync(_app, "subscriber");

        var added = await (await Subscribe(user, new { templateKey = "unitTask", accepted = "accept" })).ExpectAsync(200);
        Assert.Equal(("unitTask", "local-unit-task", 1),
            (added.Str("templateKey"), added.Str("templateId"), added["remaining"]!.GetValue<int>()));
        foreach (var answer in new[] { "reject", "ban", "filter" })
        {
            var same = await (await Subscribe(user, new { templateKey = "unitTask", accepted = answer })).ExpectAsync(200);
            Assert.Equal(1, same["remaining"]!.GetValue<int>());
        }
        await (await Subscribe(user, new { templateKey = "unitTask", accepted = "acceptWithAlert" })).ExpectAsync(200);

        var problem = await (await Subscribe(user, new { templateKey = "newsletter", accepted = "accept" }))
            .ExpectProblemAsync(422, "unknown_template");
        Assert.Equal(["templateKey"], problem.Errors().Keys);
        await (await Subscribe(user, new { templateKey = "unitTask" })).ExpectProblemAsync(400, "validation_failed");
        await (await Subscribe(user, new { templateKey = "unitTask", accepted = "yes" })).ExpectProblemAsync(400, "validation_failed");

        var list = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me/subscriptions", user)).ExpectAsync(200);
        Assert.Equal(["orderStatus:0", "unitTask:2", "orderReview:0"],
            list["items"]!.AsArray().Select(i => $"{i.Str("templateKey")}:{i!["remaining"]!.GetValue<int>()}"));
        Assert.Empty(await Inbox.AllAsync(_app, user));
    }

    [Fact]
    public async Task Concurrent_subscriptions_are_all_counted_and_a_repeated_request_with_its_idempotency_key_once()
    {
        var user = await _d.UserAsync(_app, "many");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await (await Subscribe(user, new { templateKey = "orderReview", accepted = "accept" })).ExpectAsync(200)));
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "subscribe-once" };
        for (var i = 0; i < 2; i++)
        {
            await (await _app.SendAsync(HttpMethod.Post, "api/v1/me/subscriptions", user,
                new { templateKey = "orderReview", accepted = "accept" }, key)).ExpectAsync(200);
        }

        Assert.Equal(21, await Inbox.RemainingAsync(_app, user, "orderReview"));
    }

    [Fact]
    public async Task Without_WeChat_configured_every_notification_is_still_recorded_marked_not_configured_and_nothing_spent()
    {
        await using var local = await SliceApp.StartAsync(new Dictionary<string, string?> { ["WeChat:AppId"] = "" });
        var app = local.App;
        var d = await local.DistrictAsync("local");
        await Inbox.SubscribeAsync(app, d.Resident, "orderStatus");

        var order = await d.PublishedOrderAsync(app);

        var published = await Inbox.SettledAsync(app, d.Resident, order, "published");
        Assert.Equal("notConfigured", published.Str("sendState"));
        Assert.Equal("notConfigured", (await Inbox.SettledAsync(app, d.CommunityAdmin, order, "submitted")).Str("sendState"));
        Assert.Equal(1, await Inbox.RemainingAsync(app, d.Resident, "orderStatus"));
        Assert.Empty(local.WeChat.MessageCalls);
    }
}
