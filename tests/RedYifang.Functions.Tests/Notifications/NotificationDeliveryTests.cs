using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Orders;

namespace RedYifang.Functions.Tests.Notifications;

/// <summary>
/// Order transitions told by WeChat subscription message (issue 17), over HTTP on Azurite and the loopback WeChat: who is told
/// (docs/notifications.md), only with a subscription left (one spent per message), never twice for an event and recipient,
/// and WeChat's errors (43101, -1, 47003). Each test has users of its own in the class's district; open ids are the users'
/// dev sign-in names, as the loopback WeChat records them in touser.
/// </summary>
[Collection(NotificationsApp.Collection)]
public sealed class NotificationDeliveryTests(NotificationsApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private FakeWeChat WeChat => slice.WeChat;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("ntf");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    /// <summary>A resident of the district's community (open id "ntf-{name}").</summary>
    private Task<string> ResidentAsync(string name) => _d.UserAsync(_app, name, "resident", _d.CommunityId);

    private async Task<string> SubmitAsync(string resident, string title = "独居老人需要助餐") =>
        (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, new
        {
            communityId = _d.CommunityId, title, category = "elderlyCare", description = "三楼独居老人行动不便，需要每日送餐",
            beneficiaries = 1, urgency = "normal", contactPhone = "13812341234", level = "community",
        })).ExpectAsync(201)).Str("id");

    private async Task<string> PublishedAsync(string resident, string title = "独居老人需要助餐")
    {
        var id = await SubmitAsync(resident, title);
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        return id;
    }

    private async Task<(string Unit, string Liaison, string OtherLiaison, string Resource)> UnitAsync(string name)
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}服务队", "socialOrganization");
        var liaison = await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit);
        var other = await _d.UserAsync(_app, $"{name}-liaison2", "liaison", unit);
        return (unit, liaison, other, await _d.PublishedResourceAsync(_app, 5, "elderlyCare", [_d.StreetId], unit, liaison));
    }

    private static string Data(FakeWeChat.SentMessage message, string keyword) => message.Data[keyword];

    [Fact]
    public async Task The_owner_with_a_subscription_is_told_of_publishing_which_spends_it_and_the_match_after_stays_in_the_inbox()
    {
        var resident = await ResidentAsync("owner");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus");
        var (_, _, _, resource) = await UnitAsync("发布");

        var order = await PublishedAsync(resident);
        var published = await Inbox.SettledAsync(_app, resident, order, "published");

        Assert.Equal(("sent", "orderStatus"), (published.Str("sendState"), published.Str("templateKey")));
        var message = Assert.Single(WeChat.MessagesTo(resident));
        Assert.Equal(("local-order-status", $"pages/orders/detail?id={order}", "formal", "zh_CN"),
            (message.TemplateId, message.Page, message.MiniProgramState, message.Lang));
        Assert.Equal(("独居老人需要助餐", "已发布", "已发布，等待服务单位承接"), (Data(message, "thing1"), Data(message, "phrase2"), Data(message, "thing3")));
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$", Data(message, "time4"));
        Assert.Equal(0, await Inbox.RemainingAsync(_app, resident, "orderStatus"));

        // No subscription left: the match is in the inbox, not sent.
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        var matched = await Inbox.SettledAsync(_app, resident, order, "matched");
        Assert.Equal("noQuota", matched.Str("sendState"));
        Assert.Single(WeChat.CallsTo(resident));
    }

    [Fact]
    public async Task The_community_admins_are_told_of_a_submission_and_a_claim_and_the_unit_liaisons_of_its_approval()
    {
        var admin = await _d.UserAsync(_app, "claims-admin", "communityAdmin", _d.CommunityId);
        await Inbox.SubscribeAsync(_app, admin, "orderReview", 2);
        var (unit, liaison, other, resource) = await UnitAsync("认领");
        await Inbox.SubscribeAsync(_app, liaison, "unitTask");
        await Inbox.SubscribeAsync(_app, other, "unitTask");
        var resident = await ResidentAsync("claims-owner");

        var order = await SubmitAsync(resident);
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, admin, order, "submitted")).Str("sendState"));
        await (await Act(order, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(order, "claim", liaison, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, admin, order, "claimed")).Str("sendState"));
        await (await Act(order, "claim/approve", _d.CommunityAdmin, new { unitId = unit })).ExpectAsync(200);

        foreach (var told in new[] { liaison, other })
        {
            Assert.Equal("sent", (await Inbox.SettledAsync(_app, told, order, "claimApproved")).Str("sendState"));
            var message = Assert.Single(WeChat.MessagesTo(told));
            Assert.Equal(("local-unit-task", "认领通过"), (message.TemplateId, Data(message, "phrase2")));
            Assert.Equal(order[(order.LastIndexOf('-') + 1)..], Data(message, "character_string5"));
        }
        var review = WeChat.MessagesTo(admin);
        Assert.Equal(["待审核", "待确认"], review.Select(m => Data(m, "phrase3")));
        Assert.All(review, m => Assert.Equal(("local-order-review", "养老助老"), (m.TemplateId, Data(m, "phrase2"))));
        // The resident is told of the match too (no subscription: in the inbox only).
        Assert.Equal("noQuota", (await Inbox.SettledAsync(_app, resident, order, "claimApproved")).Str("sendState"));
    }

    [Fact]
    public async Task A_match_tells_the_units_liaisons_and_a_decline_tells_the_other_liaison_not_the_one_who_declined()
    {
        var (_, liaison, other, resource) = await UnitAsync("退回");
        await Inbox.SubscribeAsync(_app, liaison, "unitTask", 2);
        await Inbox.SubscribeAsync(_app, other, "unitTask", 2);
        var order = await PublishedAsync(await ResidentAsync("decline-owner"));

        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, liaison, order, "matched")).Str("sendState"));
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, other, order, "matched")).Str("sendState"));
        await (await Act(order, "decline", liaison, new { reason = "本月人手不足" })).ExpectAsync(200);

        var declined = await Inbox.SettledAsync(_app, other, order, "declined");
        Assert.Equal("sent", declined.Str("sendState"));
        Assert.Equal(("已退回", "本月人手不足"), (Data(WeChat.MessagesTo(other)[^1], "phrase2"), Data(WeChat.MessagesTo(other)[^1], "thing3")));
        Assert.Equal(["已派单", "已退回"], WeChat.MessagesTo(other).Select(m => Data(m, "phrase2")));
        // The liaison who declined is not told of it (once every queued event is handled).
        await Inbox.DrainedAsync(slice);
        Assert.DoesNotContain(await Inbox.OfOrderAsync(_app, liaison, order), n => n.Str("kind") == "declined");
        Assert.Equal(["已派单"], WeChat.MessagesTo(liaison).Select(m => Data(m, "phrase2")));
    }

    [Fact]
    public async Task An_order_filed_for_a_resident_tells_the_resident_not_the_admin_who_filed_it_and_a_represented_one_no_owner()
    {
        var filer = await _d.UserAsync(_app, "filer", "communityAdmin", _d.CommunityId);
        var colleague = await _d.UserAsync(_app, "colleague", "communityAdmin", _d.CommunityId);
        await Inbox.SubscribeAsync(_app, filer, "orderStatus", 2);
        await Inbox.SubscribeAsync(_app, filer, "orderReview", 2);
        var resident = await ResidentAsync("behalf");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus");
        var residentId = await TestDistrict.UserIdAsync(_app, resident);

        var forResident = await File(filer, new JsonObject { ["residentId"] = residentId });
        await (await Act(forResident, "publish", _d.CommunityAdmin)).ExpectAsync(200);

        Assert.Equal("sent", (await Inbox.SettledAsync(_app, resident, forResident, "published")).Str("sendState"));
        // The colleague is told of the submission; the admin who filed it is not (their own act), nor of its publishing.
        Assert.NotNull(await Inbox.SettledAsync(_app, colleague, forResident, "submitted"));
        var represented = await File(filer,
            new JsonObject { ["represented"] = new JsonObject { ["name"] = "王阿姨", ["phone"] = "13912345678" } });
        await (await Act(represented, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await Inbox.DrainedAsync(slice);

        Assert.Empty(await Inbox.OfOrderAsync(_app, filer, forResident));
        Assert.Empty(await Inbox.OfOrderAsync(_app, filer, represented));
        Assert.DoesNotContain(await Inbox.OfOrderAsync(_app, colleague, represented), n => n.Str("kind") == "published");
        Assert.Empty(WeChat.CallsTo(filer));
        Assert.DoesNotContain(WeChat.MessageCalls, m => m.Data.Values.Any(v => v.Contains("王阿姨") || v.Contains("13912345678")));
    }

    private async Task<string> File(string admin, JsonObject behalf)
    {
        var body = new JsonObject
        {
            ["communityId"] = _d.CommunityId, ["title"] = "代办：助餐", ["category"] = "elderlyCare", ["description"] = "老人不会用手机，社区代为申请",
            ["beneficiaries"] = 1, ["urgency"] = "normal", ["level"] = "community",
        };
        foreach (var (k, v) in behalf) body[k] = v?.DeepClone();
        return (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", admin, body)).ExpectAsync(201)).Str("id");
    }

    /// <summary>
    /// Handles the order's publishing once more, as a replayed queue message would: the event rebuilt from the stored order as it
    /// stood after publishing (its second step), so with the same event id and instant.
    /// </summary>
    private async Task ReplayPublishedAsync(string orderId)
    {
        var stored = (await _app.Services.GetRequiredService<OrderStore>().FindAsync(orderId))!.Order;
        var order = stored with { History = [.. stored.History.Take(2)], State = OrderState.Published, UpdatedAt = stored.History[1].At };
        var message = Assert.Single(new NotificationTranslator().Translate(new OrderEvent.Published(order)));
        await _app.Services.GetRequiredService<SendNotifications>().HandleAsync((NotificationEvent)message.Body, CancellationToken.None);
    }

    [Fact]
    public async Task A_replayed_event_neither_sends_again_nor_spends_again()
    {
        var resident = await ResidentAsync("replay");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 3);
        var order = await PublishedAsync(resident);
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, resident, order, "published")).Str("sendState"));

        await ReplayPublishedAsync(order);
        await ReplayPublishedAsync(order);

        Assert.Single(WeChat.CallsTo(resident));
        Assert.Equal(2, await Inbox.RemainingAsync(_app, resident, "orderStatus"));
        Assert.Single(await Inbox.OfOrderAsync(_app, resident, order), n => n.Str("kind") == "published");
    }

    [Fact]
    public async Task A_user_who_refused_43101_is_not_tried_again_and_their_quota_is_zero()
    {
        var resident = await ResidentAsync("refuses");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 3);
        WeChat.AnswerMessagesTo(resident, 43101);

        var order = await PublishedAsync(resident);

        Assert.Equal("refused", (await Inbox.SettledAsync(_app, resident, order, "published")).Str("sendState"));
        Assert.Equal(43101, Assert.Single(WeChat.CallsTo(resident)).ErrCode);
        Assert.Equal(0, await Inbox.RemainingAsync(_app, resident, "orderStatus"));
    }

    [Fact]
    public async Task WeChat_busy_once_is_tried_again_and_sent_spending_one_subscription()
    {
        var resident = await ResidentAsync("busy-once");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 3);
        WeChat.AnswerMessagesTo(resident, -1, times: 1);

        var order = await PublishedAsync(resident);

        Assert.Equal("sent", (await Inbox.SettledAsync(_app, resident, order, "published")).Str("sendState"));
        Assert.Equal([-1, 0], WeChat.CallsTo(resident).Select(m => m.ErrCode));
        Assert.Equal(2, await Inbox.RemainingAsync(_app, resident, "orderStatus"));
    }

    [Fact]
    public async Task WeChat_busy_through_every_attempt_fails_the_message_and_gives_the_subscription_back()
    {
        var resident = await ResidentAsync("busy-always");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 3);
        WeChat.AnswerMessagesTo(resident, -1);

        var order = await PublishedAsync(resident);

        Assert.Equal("failed", (await Inbox.SettledAsync(_app, resident, order, "published")).Str("sendState"));
        Assert.Equal([-1, -1, -1], WeChat.CallsTo(resident).Select(m => m.ErrCode));      // Notifications:MaxAttempts 3
        Assert.Equal(3, await Inbox.RemainingAsync(_app, resident, "orderStatus"));
    }

    [Fact]
    public async Task A_47003_fails_at_once_gives_the_subscription_back_and_is_logged_without_personal_data()
    {
        var resident = await ResidentAsync("bad-argument");
        var userId = await TestDistrict.UserIdAsync(_app, resident);
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 2);
        WeChat.AnswerMessagesTo(resident, 47003);

        var order = await PublishedAsync(resident, "修理楼道灯47003号");

        Assert.Equal("failed", (await Inbox.SettledAsync(_app, resident, order, "published")).Str("sendState"));
        Assert.Single(WeChat.CallsTo(resident));
        Assert.Equal(2, await Inbox.RemainingAsync(_app, resident, "orderStatus"));
        var logged = Assert.Single(slice.Logs.Containing("errcode 47003"));
        Assert.Contains("Published", logged.Message);
        // What the notifications and WeChat code logged names no user, open id or text of the order.
        var ours = slice.Logs.Entries.Where(e => e.Category.Contains(".Notifications.", StringComparison.Ordinal)
            || e.Category.Contains(".WeChat.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        Assert.DoesNotContain(ours, e => e.Message.Contains(resident) || e.Message.Contains(userId) || e.Message.Contains("修理楼道灯"));
    }

    [Fact]
    public async Task No_phone_number_goes_out_in_any_message_or_summary()
    {
        var resident = await ResidentAsync("phones");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 2);
        var order = await SubmitAsync(resident, "请致电13812345678找李阿姨修水管");

        await (await Act(order, "reject", _d.CommunityAdmin, new { reason = "请拨打 0431-8888 6666 或 +86 139 1234 5678" })).ExpectAsync(200);

        var rejected = await Inbox.SettledAsync(_app, resident, order, "rejected");
        Assert.Equal("sent", rejected.Str("sendState"));
        var message = Assert.Single(WeChat.MessagesTo(resident));
        Assert.Equal(("请致电***找李阿姨修水管", "未通过"), (Data(message, "thing1"), Data(message, "phrase2")));
        Assert.Equal("请拨打 *** 或 ***", Data(message, "thing3"));
        Assert.DoesNotContain("138", rejected.Str("summary"));
        // Every message the loopback WeChat saw in this app, whoever it went to.
        Assert.All(WeChat.MessageCalls, m => Assert.All(m.Data.Values, v => Assert.False(PhoneNumbers.Contains(v), v)));
        Assert.DoesNotContain(WeChat.MessageCalls, m => m.Data.Values.Any(v => v.Contains("13812341234")));   // the order's contact
    }
}
