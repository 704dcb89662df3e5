using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Notifications;

/// <summary>
/// A title content security holds (docs/content-security.md) is told only to whom the order would show it: its owner and the
/// community's admins read it, a unit's liaisons read the stand-in, in the WeChat message and the inbox alike; and what the
/// resident, the liaisons and the represented resident's details are never sent to anyone (docs/notifications.md). Over HTTP on
/// Azurite and the loopback WeChat, whose msg_sec_check answers review for a text with FakeWeChat.ReviewMarker.
/// </summary>
[Collection(NotificationsApp.Collection)]
public sealed class HeldTextNotificationTests(NotificationsApp slice) : IAsyncLifetime
{
    private const string UnderReview = "（内容审核中）";
    private const string Hidden = "（内容已隐藏）";
    private readonly AppUnderTest _app = slice.App;
    private FakeWeChat WeChat => slice.WeChat;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("held");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private async Task<(string Liaison, string OtherLiaison, string Resource)> UnitAsync(string name)
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}服务队", "socialOrganization");
        var liaison = await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit);
        var other = await _d.UserAsync(_app, $"{name}-liaison2", "liaison", unit);
        return (liaison, other, await _d.PublishedResourceAsync(_app, 5, "elderlyCare", [_d.StreetId], unit, liaison));
    }

    private async Task<string> ModerationItemAsync(string orderId)
    {
        JsonObject? found = null;
        await Eventually.WaitAsync(async () =>
        {
            var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/moderation/pending?orgId={_d.CommunityId}&limit=100",
                _d.CommunityAdmin)).ExpectAsync(200);
            found = page["items"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => i.Str("ownerId") == orderId);
            return found is not null;
        }, TimeSpan.FromSeconds(20));
        Assert.True(found is not null, "the held title was never listed");
        return found.Str("id");
    }

    [Fact]
    public async Task A_held_title_reaches_the_owner_and_the_admins_and_the_units_liaisons_read_its_stand_in()
    {
        var resident = await _d.UserAsync(_app, "owner", "resident", _d.CommunityId);
        var admin = await _d.UserAsync(_app, "admin", "communityAdmin", _d.CommunityId);
        var (liaison, other, resource) = await UnitAsync("审核");
        await Inbox.SubscribeAsync(_app, resident, "orderStatus", 2);
        await Inbox.SubscribeAsync(_app, admin, "orderReview");
        await Inbox.SubscribeAsync(_app, liaison, "unitTask", 2);
        await Inbox.SubscribeAsync(_app, other, "unitTask", 2);
        var title = $"{FakeWeChat.ReviewMarker}修水管";

        var order = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, new
        {
            communityId = _d.CommunityId, title, category = "elderlyCare", description = "厨房水管漏水", beneficiaries = 1,
            urgency = "normal", level = "community",
        })).ExpectAsync(201));
        var id = order.Str("id");
        Assert.Equal("pending", order["moderation"].Str("state"));
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);

        // The community's admin reviews it and the owner wrote it: both read the title.
        Assert.Equal("sent", (await Inbox.SettledAsync(_app, admin, id, "submitted")).Str("sendState"));
        Assert.Equal(title, Assert.Single(WeChat.MessagesTo(admin)).Data["thing1"]);
        var ownerMatched = await Inbox.SettledAsync(_app, resident, id, "matched");
        Assert.Equal(("sent", $"「{title}」已匹配：已匹配服务单位，请留意联系"), (ownerMatched.Str("sendState"), ownerMatched.Str("summary")));
        Assert.Equal([title, title], WeChat.MessagesTo(resident).Select(m => m.Data["thing1"]));
        // The unit's liaisons do not: the message, the inbox summary and its data carry the stand-in.
        foreach (var told in new[] { liaison, other })
        {
            var matched = await Inbox.SettledAsync(_app, told, id, "matched");
            Assert.Equal(("sent", $"「{UnderReview}」已派单：社区将订单派给本单位，请确认"), (matched.Str("sendState"), matched.Str("summary")));
            Assert.Equal(UnderReview, matched!["data"].Str("thing1"));
            Assert.Equal(UnderReview, Assert.Single(WeChat.MessagesTo(told)).Data["thing1"]);
        }

        // Hidden by an admin, then given back by the unit: the other liaison is told the title is hidden.
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{await ModerationItemAsync(id)}/hide", _d.CommunityAdmin))
            .ExpectAsync(200);
        await (await Act(id, "decline", liaison, new { reason = "本月人手不足" })).ExpectAsync(200);
        var declined = await Inbox.SettledAsync(_app, other, id, "declined");
        Assert.Equal($"「{Hidden}」已退回：本月人手不足", declined.Str("summary"));
        Assert.Equal(Hidden, WeChat.MessagesTo(other)[^1].Data["thing1"]);
        Assert.DoesNotContain(WeChat.MessageCalls, m => m.ToUser is var u && (u == liaison || u == other)
            && m.Data.Values.Any(v => v.Contains("修水管", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_title_approved_before_the_event_is_told_to_the_units_liaisons()
    {
        var resident = await _d.UserAsync(_app, "approved-owner", "resident", _d.CommunityId);
        var (liaison, _, resource) = await UnitAsync("通过");
        await Inbox.SubscribeAsync(_app, liaison, "unitTask");
        var title = $"{FakeWeChat.ReviewMarker}换灯泡";
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, new
        {
            communityId = _d.CommunityId, title, category = "elderlyCare", description = "楼道灯坏了", beneficiaries = 1,
            urgency = "normal", level = "community",
        })).ExpectAsync(201)).Str("id");

        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{await ModerationItemAsync(id)}/approve", _d.CommunityAdmin))
            .ExpectAsync(200);
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);

        Assert.Equal(title, (await Inbox.SettledAsync(_app, liaison, id, "matched"))!["data"].Str("thing1"));
        Assert.Equal(title, Assert.Single(WeChat.MessagesTo(liaison)).Data["thing1"]);
    }

    [Fact]
    public async Task No_message_or_inbox_entry_carries_the_description_the_contact_phone_or_a_represented_residents_name_and_phone()
    {
        var (liaison, other, resource) = await UnitAsync("代办");
        await Inbox.SubscribeAsync(_app, liaison, "unitTask", 3);
        await Inbox.SubscribeAsync(_app, other, "unitTask", 3);
        var admin = await _d.UserAsync(_app, "represented-admin", "communityAdmin", _d.CommunityId);
        await Inbox.SubscribeAsync(_app, admin, "orderReview", 2);
        const string Description = "赵奶奶住五号楼二单元，独居需要每日送餐";
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.CommunityAdmin, new
        {
            communityId = _d.CommunityId, title = "代办：助餐", category = "elderlyCare", description = Description, beneficiaries = 1,
            urgency = "normal", level = "community", contactPhone = "13612345678",
            represented = new { name = "赵奶奶", phone = "13712345678" },
        })).ExpectAsync(201)).Str("id");
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(id, "decline", liaison, new { reason = "人手不足" })).ExpectAsync(200);

        Assert.NotNull(await Inbox.SettledAsync(_app, admin, id, "submitted"));
        Assert.NotNull(await Inbox.SettledAsync(_app, other, id, "declined"));
        await Inbox.DrainedAsync(slice);

        string[] never = ["赵奶奶", "13612345678", "13712345678", "五号楼", "独居需要每日送餐"];
        var inbox = new List<JsonObject>();
        foreach (var user in new[] { liaison, other, admin }) inbox.AddRange(await Inbox.OfOrderAsync(_app, user, id));
        Assert.Equal(4, inbox.Count);   // the admin's submitted, both liaisons' matched, the other's declined
        foreach (var n in inbox)
        {
            var texts = n["data"]!.AsObject().Select(d => d.Value!.GetValue<string>()).Append(n.Str("summary"));
            Assert.DoesNotContain(texts, t => never.Any(t.Contains));
        }
        Assert.DoesNotContain(WeChat.MessageCalls, m => m.Data.Values.Any(v => never.Any(v.Contains)));
    }
}
