using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Tests.Orders;

namespace RedYifang.Functions.Tests.ContentSecurity;

/// <summary>
/// Content security over HTTP against the loopback WeChat (tests/RedYifang.Testing/FakeWeChat.Security.cs): texts screened with
/// msg_sec_check before anything is written (pass, risky 422, review and WeChat unavailable held for the community's admins), the
/// admins' moderation list and decisions, photos sent to media_check_async and WeChat's signed push of the verdict (risky hidden,
/// the chain intact; a bad signature refused; a replay harmless; in secure mode only WeChat's encrypted push for this app).
/// </summary>
[Collection(Slices.ContentSecurity)]
public sealed class ContentSecurityTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private FakeWeChat WeChat => slice.WeChat;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("screen");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> SubmitAsync(string title, string description, string? asUser = null) =>
        _app.SendAsync(HttpMethod.Post, "api/v1/orders", asUser ?? _d.Resident, new
        {
            communityId = _d.CommunityId, gridId = _d.GridId, title, category = "repairs", description, beneficiaries = 1,
            urgency = "normal", level = "community",
        });

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private async Task<JsonObject> OrderAsync(string id, string asUser) =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", asUser)).ExpectAsync(200);

    private async Task<List<JsonObject>> PendingAsync(string orgId, string asUser)
    {
        var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/moderation/pending?orgId={orgId}&limit=100", asUser))
            .ExpectAsync(200);
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    /// <summary>The item listed for an owner once the queue has listed it (the listing travels through the outbox).</summary>
    private async Task<JsonObject> ListedAsync(string orgId, string ownerId, string kind)
    {
        JsonObject? found = null;
        await Eventually.WaitAsync(async () => (found = (await PendingAsync(orgId, _d.CommunityAdmin))
            .FirstOrDefault(i => i.Str("ownerId") == ownerId && i.Str("kind") == kind)) is not null, TimeSpan.FromSeconds(20));
        Assert.True(found is not null, $"{kind} of {ownerId} was never listed for the community's admins");
        return found;
    }

    /// <summary>The rows a refused request must not have written: the community's orders and the resident's order index.</summary>
    private async Task<List<string>> OrderRowsAsync()
    {
        var rows = new List<string>();
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);
        foreach (var (table, partition) in new[] { ("Orders", _d.CommunityId), ("OrdersByUser", resident) })
        {
            var client = _app.Table(table);
            await client.CreateIfNotExistsAsync();
            await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
            {
                rows.Add($"{table}/{row.RowKey}");
            }
        }
        return rows;
    }

    [Fact]
    public async Task A_text_that_passes_is_written_screened_field_by_field_with_the_authors_open_id_in_the_forum_scene()
    {
        var title = $"楼道灯坏了 {Guid.NewGuid():N}";
        var order = await (await SubmitAsync(title, "三单元二楼楼道灯不亮")).ExpectAsync(201);

        Assert.Equal("passed", order["moderation"].Str("state"));
        Assert.Equal(title, (await OrderAsync(order.Str("id"), _d.CommunityAdmin)).Str("title"));
        var checks = WeChat.TextChecks.Where(c => c.Content == title || c.Content == "三单元二楼楼道灯不亮").ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal((_d.Resident, 3), (c.OpenId, c.Scene)));
    }

    [Fact]
    public async Task A_risky_text_is_422_content_rejected_with_the_label_and_nothing_is_written()
    {
        var before = await OrderRowsAsync();

        var problem = await (await SubmitAsync("求助", $"联系我 {FakeWeChat.RiskyMarker}"))
            .ExpectProblemAsync(422, "content_rejected");

        Assert.Equal(new Dictionary<string, string[]> { ["description"] = ["含有违规内容：时政（20001）"] }, problem.Errors());
        Assert.Contains("时政（20001）", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await OrderRowsAsync());
        var english = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, new
        {
            communityId = _d.CommunityId, title = FakeWeChat.RiskyMarker, category = "repairs", description = "x", beneficiaries = 1,
            urgency = "normal", level = "community",
        }, new Dictionary<string, string> { ["Accept-Language"] = "en" })).ExpectProblemAsync(422, "content_rejected");
        Assert.Equal(["flagged by WeChat: politics (20001)"], english.Errors()["title"]);
        Assert.Equal(before, await OrderRowsAsync());
    }

    [Fact]
    public async Task A_text_to_review_is_kept_held_for_the_community_admin_only_and_withheld_from_the_unit_until_approved()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "repairs");
        var title = $"{FakeWeChat.ReviewMarker}修水管 {Guid.NewGuid():N}";
        var order = await (await SubmitAsync(title, "厨房水管漏水")).ExpectAsync(201);
        var id = order.Str("id");
        Assert.Equal(("pending", "review", "21000"),
            (order["moderation"].Str("state"), order["moderation"].Str("reason"), order["moderation"].Str("label")));
        Assert.Equal(title, order.Str("title"));                                                  // its author sees it

        var item = await ListedAsync(_d.CommunityId, id, "orderText");
        Assert.Equal(($"{title}\n厨房水管漏水", "其他", await TestDistrict.UserIdAsync(_app, _d.Resident)),
            (item.Str("text"), item.Str("labelName"), item.Str("authorId")));
        // Listed for admins over the community only: not its residents, not a unit's liaison, not another community's admin.
        var elsewhere = await _d.OrgAsync(_app, "community", _d.StreetId, "别的社区");
        var otherAdmin = await _d.UserAsync(_app, "other-admin", "communityAdmin", elsewhere);
        foreach (var refused in new[] { _d.Resident, _d.OtherResident, _d.Liaison, otherAdmin })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/moderation/pending?orgId={_d.CommunityId}", refused))
                .ExpectProblemAsync(403, "forbidden");
        }
        Assert.Contains(await PendingAsync(_d.CommunityId, _d.StreetAdmin), i => i.Str("id") == item.Str("id"));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/approve", otherAdmin))
            .ExpectProblemAsync(404, "not_found");

        // Published and matched while held: the unit's liaison reads the order, the text stood in for.
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        var unitSees = await OrderAsync(id, _d.Liaison);
        Assert.Equal(("（内容审核中）", "（内容审核中）"), (unitSees.Str("title"), unitSees.Str("description")));
        Assert.Equal(title, (await OrderAsync(id, _d.CommunityAdmin)).Str("title"));

        var decided = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/approve", _d.CommunityAdmin))
            .ExpectAsync(200);

        Assert.Equal(("approved", await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin)),
            (decided["decision"].Str("state"), decided["decision"].Str("decidedBy")));
        var approved = await OrderAsync(id, _d.Liaison);
        Assert.Equal((title, "approved"), (approved.Str("title"), approved["moderation"].Str("state")));
        Assert.DoesNotContain(await PendingAsync(_d.CommunityId, _d.CommunityAdmin), i => i.Str("id") == item.Str("id"));

        // An admin may change their mind: hidden, the unit reads it hidden; the author still reads their own words.
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/hide", _d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal("（内容已隐藏）", (await OrderAsync(id, _d.Liaison)).Str("title"));
        Assert.Equal(title, (await OrderAsync(id, _d.Resident)).Str("title"));
    }

    [Theory]
    [InlineData("busy")]    // errcode -1
    [InlineData("down")]    // HTTP 503: out of reach
    public async Task WeChat_busy_or_out_of_reach_accepts_the_text_held_as_unavailable_never_blocked(string outage)
    {
        WeChat.SecurityUnavailable = outage == "busy";
        WeChat.SecurityDown = outage == "down";
        JsonObject order;
        try
        {
            order = await (await SubmitAsync($"{FakeWeChat.RiskyMarker}停电了", "整栋楼停电")).ExpectAsync(201);
        }
        finally
        {
            (WeChat.SecurityUnavailable, WeChat.SecurityDown) = (false, false);
        }

        Assert.Equal(("pending", "unavailable"), (order["moderation"].Str("state"), order["moderation"].Str("reason")));
        var item = await ListedAsync(_d.CommunityId, order.Str("id"), "orderText");
        Assert.Equal("unavailable", item["screening"].Str("reason"));
        Assert.Null(item["screening"]!["label"]);
    }

    /// <summary>An order walked to accepted (matched, agreed, started, completed with the unit's photo), ready to rate.</summary>
    private async Task<string> AcceptedOrderAsync()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "repairs");
        var id = (await (await SubmitAsync("换灯泡", "客厅灯泡坏了")).ExpectAsync(201)).Str("id");
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200);
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(id, "agree", _d.Liaison)).ExpectAsync(200);
        await (await Act(id, "start", _d.Liaison)).ExpectAsync(200);
        var photo = (await _app.UploadAsync(_d.Liaison, "order", id, Photos.Jpeg(Random.Shared.Next(10_000, 20_000)))).Str("id");
        await (await Act(id, "complete", _d.Liaison, new { evidenceIds = new[] { photo }, serviceHours = 1, beneficiaries = 1 }))
            .ExpectAsync(200);
        await (await Act(id, "accept", _d.CommunityAdmin)).ExpectAsync(200);
        return id;
    }

    [Fact]
    public async Task A_rating_comment_is_screened_as_a_comment_risky_refused_and_one_to_review_held()
    {
        var id = await AcceptedOrderAsync();

        var refused = await (await Act(id, "rate", _d.Resident, new { stars = 1, comment = $"差评 {FakeWeChat.RiskyMarker}" }))
            .ExpectProblemAsync(422, "content_rejected");
        Assert.Equal(["comment"], refused.Errors().Keys);
        Assert.Equal("accepted", (await OrderAsync(id, _d.Resident)).Str("state"));            // nothing written: still to rate

        var comment = $"{FakeWeChat.ReviewMarker}师傅来得晚";
        var rated = await (await Act(id, "rate", _d.Resident, new { stars = 3, comment })).ExpectAsync(200);

        Assert.Equal(("closed", comment, "pending"), (rated.Str("state"), rated["rating"].Str("comment"), rated["rating"]!["moderation"]
            .Str("state")));
        Assert.Contains(WeChat.TextChecks, c => c.Content == comment && c.Scene == 2 && c.OpenId == _d.Resident);
        Assert.Equal("（内容审核中）", (await OrderAsync(id, _d.Liaison))["rating"].Str("comment"));
        Assert.Equal(comment, (await ListedAsync(_d.CommunityId, id, "ratingComment")).Str("text"));
    }

    /// <summary>An order accepted eight days ago by a unit of its own, due for its follow-up, and that unit's liaison.</summary>
    private async Task<(string Order, string Liaison)> DueForFollowUpAsync(string unitName)
    {
        var (order, unit) = await FollowUpTests.AcceptedAsync(_app, _d, unitName, daysAgo: 8);
        return (order, await _d.UserAsync(_app, $"{unitName}-liaison", "liaison", unit));
    }

    private Task<HttpResponseMessage> FollowUpAsync(string id, object body) => Act(id, "follow-up", _d.Resident, body);

    [Fact]
    public async Task A_risky_follow_up_comment_is_422_content_rejected_and_nothing_is_written()
    {
        var (id, _) = await DueForFollowUpAsync("回访违规");

        var refused = await (await FollowUpAsync(id, new { @fixed = false, comment = $"还是坏的 {FakeWeChat.RiskyMarker}" }))
            .ExpectProblemAsync(422, "content_rejected");

        Assert.Equal(new Dictionary<string, string[]> { ["comment"] = ["含有违规内容：时政（20001）"] }, refused.Errors());
        var unchanged = await OrderAsync(id, _d.CommunityAdmin);
        Assert.Equal(("accepted", 7), (unchanged.Str("state"), unchanged["history"]!.AsArray().Count));
        Assert.Null(unchanged["followUp"]);
        // Not even the follow-up's own refusals reach WeChat: a stranger's comment is 404 before any check.
        var checks = WeChat.TextChecks.Count;
        await (await Act(id, "follow-up", _d.OtherResident, new { @fixed = true, comment = "路过" })).ExpectProblemAsync(404, "not_found");
        Assert.Equal(checks, WeChat.TextChecks.Count);
        await (await FollowUpAsync(id, new { @fixed = true, comment = "修好了" })).ExpectAsync(200);  // answered at last
    }

    [Fact]
    public async Task A_follow_up_comment_to_review_is_held_listed_and_stood_in_for_in_the_follow_up_and_the_history_until_approved()
    {
        var (id, liaison) = await DueForFollowUpAsync("回访待审");
        var comment = $"{FakeWeChat.ReviewMarker}灯又不亮了";

        var answered = await (await FollowUpAsync(id, new { @fixed = false, comment })).ExpectAsync(200);

        Assert.Equal(("inProgress", comment, "pending", "review"), (answered.Str("state"), answered["followUp"].Str("comment"),
            answered["followUp"]!["moderation"].Str("state"), answered["followUp"]!["moderation"].Str("reason")));
        Assert.Equal($"居民回访：问题未解决。{comment}", answered["history"]!.AsArray()[^1].Str("reason"));  // its author sees it
        Assert.Contains(WeChat.TextChecks, c => c.Content == comment && c.Scene == 2 && c.OpenId == _d.Resident);
        var unitSees = await OrderAsync(id, liaison);
        Assert.Equal(("（内容审核中）", "居民回访：问题未解决。（内容审核中）"),
            (unitSees["followUp"].Str("comment"), unitSees["history"]!.AsArray()[^1].Str("reason")));
        Assert.Equal(comment, (await OrderAsync(id, _d.CommunityAdmin))["followUp"].Str("comment"));

        var item = await ListedAsync(_d.CommunityId, id, "followUpComment");
        Assert.Equal((comment, await TestDistrict.UserIdAsync(_app, _d.Resident)), (item.Str("text"), item.Str("authorId")));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/approve", _d.CommunityAdmin)).ExpectAsync(200);

        var approved = await OrderAsync(id, liaison);
        Assert.Equal((comment, "approved", $"居民回访：问题未解决。{comment}"), (approved["followUp"].Str("comment"),
            approved["followUp"]!["moderation"].Str("state"), approved["history"]!.AsArray()[^1].Str("reason")));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/hide", _d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal("（内容已隐藏）", (await OrderAsync(id, liaison))["followUp"].Str("comment"));
        Assert.Equal(comment, (await OrderAsync(id, _d.Resident))["followUp"].Str("comment"));
    }

    [Fact]
    public async Task WeChat_out_of_reach_accepts_a_fixed_follow_up_with_its_comment_held_as_unavailable()
    {
        var (id, liaison) = await DueForFollowUpAsync("回访停机");
        JsonObject answered;
        WeChat.SecurityDown = true;
        try
        {
            answered = await (await FollowUpAsync(id, new { @fixed = true, comment = "师傅修得很好" })).ExpectAsync(200);
        }
        finally
        {
            WeChat.SecurityDown = false;
        }

        Assert.Equal(("accepted", "pending", "unavailable"), (answered.Str("state"), answered["followUp"]!["moderation"].Str("state"),
            answered["followUp"]!["moderation"].Str("reason")));
        Assert.Equal("（内容审核中）", (await OrderAsync(id, liaison))["followUp"].Str("comment"));
        Assert.Equal("unavailable", (await ListedAsync(_d.CommunityId, id, "followUpComment"))["screening"].Str("reason"));
    }

    /// <summary>The resident's photo of their order, verified, once WeChat was asked to check it; returns it and the check.</summary>
    private async Task<(string Id, FakeWeChat.MediaCheck Check)> CheckedPhotoAsync(string orderId)
    {
        var photo = await _app.UploadAsync(_d.Resident, "order", orderId, Photos.Jpeg(Random.Shared.Next(20_000, 30_000)));
        Assert.Equal("verified", photo.Str("state"));
        var id = photo.Str("id");
        JsonObject seen = [];
        await Eventually.WaitAsync(async () => (seen = await EvidenceAsync(id, _d.CommunityAdmin))["moderation"] is not null,
            TimeSpan.FromSeconds(20));
        Assert.Equal("checking", seen["moderation"].Str("state"));
        var check = Assert.Single(WeChat.MediaChecks, c => c.MediaUrl.Contains(id, StringComparison.Ordinal));
        return (id, check);
    }

    private async Task<JsonObject> EvidenceAsync(string id, string asUser) =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{id}", asUser)).ExpectAsync(200);

    private static async Task<string> PlainAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        OpenApiValidator.Validate(response, body);
        return body;
    }

    [Fact]
    public async Task A_photo_goes_to_the_media_check_as_a_readable_image_and_a_risky_verdict_hides_it_with_the_chain_intact()
    {
        var order = (await (await SubmitAsync("墙面裂缝", "外墙有裂缝")).ExpectAsync(201)).Str("id");
        var (photo, check) = await CheckedPhotoAsync(order);

        Assert.Equal((2, 3, _d.Resident), (check.MediaType, check.Scene, check.OpenId));        // an image, with the order's post
        var (status, bytes) = await WeChat.FetchedAsync(check.TraceId);
        Assert.True(status == 200 && bytes > 0, $"WeChat could not read the photo: {status}");

        var push = WeChat.MediaCheckPush(_app.BaseAddress, check.TraceId, "risky", "20002");
        Assert.Equal("success", await PlainAsync(await FakeWeChat.SendAsync(push), 200));

        JsonObject seen = [];
        await Eventually.WaitAsync(async () =>
            (seen = await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"].Str("state") == "hidden", TimeSpan.FromSeconds(20));
        Assert.Equal(("hidden", "risky", "20002", "verified"),
            (seen["moderation"].Str("state"), seen["moderation"].Str("reason"), seen["moderation"].Str("label"), seen.Str("state")));
        // To anyone but admins it no longer exists: the uploader included.
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{photo}", _d.Resident)).ExpectProblemAsync(404, "not_found");
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={order}", _d.Resident))
            .ExpectAsync(200);
        Assert.DoesNotContain(photo, listed.Ids());
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var archive = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{_d.CommunityId}/trace?period={month}", _d.CommunityAdmin))
            .ExpectAsync(200);
        Assert.Equal("hidden", archive["items"]!.AsArray().Single(i => i.Str("evidenceId") == photo)!["moderation"].Str("state"));
        // Hidden, not deleted: the chain and the kept bytes verify.
        var verify = $"api/v1/orgs/{_d.CommunityId}/trace/verify?deep=true";
        var verdict = await (await _app.SendAsync(HttpMethod.Get, verify, _d.CommunityAdmin)).ExpectAsync(200);
        Assert.True(verdict["valid"]!.GetValue<bool>(), verdict.ToJsonString());
        // Listed for the community's admins, who may let it be shown.
        var item = await ListedAsync(_d.CommunityId, photo, "photo");
        Assert.Equal(("hidden", "色情"), (item["screening"].Str("state"), item.Str("labelName")));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/approve", _d.CommunityAdmin))
            .ExpectAsync(200);
        Assert.Equal("approved", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));
    }

    [Fact]
    public async Task A_WeChat_outage_delays_a_photos_check_and_loses_nothing()
    {
        var order = (await (await SubmitAsync("电梯异响", "五号楼电梯有异响")).ExpectAsync(201)).Str("id");
        var attempts = WeChat.MediaCheckAttempts;
        string photo;
        WeChat.SecurityDown = true;
        try
        {
            photo = (await _app.UploadAsync(_d.Resident, "order", order, Photos.Jpeg(Random.Shared.Next(30_000, 40_000)))).Str("id");
            await Eventually.WaitAsync(() => Task.FromResult(WeChat.MediaCheckAttempts > attempts), TimeSpan.FromSeconds(20));
            Assert.True(WeChat.MediaCheckAttempts > attempts, "the photo never went to WeChat");
            Assert.Null((await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"]);        // not checked, and shown meanwhile
        }
        finally
        {
            WeChat.SecurityDown = false;
        }

        // The queue tries again (host.json: visibilityTimeout) and WeChat takes it.
        await Eventually.WaitAsync(async () => (await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"] is not null,
            TimeSpan.FromSeconds(30));
        Assert.Equal("checking", (await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"].Str("state"));
        Assert.Single(WeChat.MediaChecks, c => c.MediaUrl.Contains(photo, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_photo_WeChat_never_took_is_held_for_the_admins_on_the_queues_last_attempt()
    {
        var order = (await (await SubmitAsync("屋顶漏雨", "顶楼屋顶漏雨")).ExpectAsync(201)).Str("id");
        string photo;
        WeChat.SecurityDown = true;
        try
        {
            photo = (await _app.UploadAsync(_d.Resident, "order", order, Photos.Jpeg(Random.Shared.Next(40_000, 50_000)))).Str("id");
            // Five attempts (host.json maxDequeueCount), five seconds apart: the last holds the photo instead of failing it.
            await Eventually.WaitAsync(async () => (await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"] is not null,
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            WeChat.SecurityDown = false;
        }

        var seen = await EvidenceAsync(photo, _d.CommunityAdmin);
        Assert.Equal(("pending", "unavailable", "verified"),
            (seen["moderation"].Str("state"), seen["moderation"].Str("reason"), seen.Str("state")));
        Assert.Equal("pending", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));       // its uploader's
        Assert.Equal("unavailable", (await ListedAsync(_d.CommunityId, photo, "photo"))["screening"].Str("reason"));
    }

    [Fact]
    public async Task A_push_with_a_bad_signature_is_refused_403_and_changes_nothing()
    {
        var order = (await (await SubmitAsync("门锁坏了", "单元门锁坏了")).ExpectAsync(201)).Str("id");
        var (photo, check) = await CheckedPhotoAsync(order);

        var forged = WeChat.MediaCheckPush(_app.BaseAddress, check.TraceId, "risky", "20001", token: "not-the-token");
        await (await FakeWeChat.SendAsync(forged)).ExpectProblemAsync(403, "wechat_signature_invalid");
        var unsigned = new FakeWeChat.Push(new Uri(_app.BaseAddress, "api/v1/wechat/events"), forged.Body);
        await (await FakeWeChat.SendAsync(unsigned)).ExpectProblemAsync(403, "wechat_signature_invalid");
        // The signature of another push, with this one's body: the query is signed, so the same timestamp and nonce with a changed
        // signature fail too.
        var tampered = new FakeWeChat.Push(new Uri(forged.Url.ToString().Replace("signature=", "signature=0", StringComparison.Ordinal)),
            forged.Body);
        await (await FakeWeChat.SendAsync(tampered)).ExpectProblemAsync(403, "wechat_signature_invalid");

        // Still checking, nothing recorded for the trace, nothing listed.
        Assert.Equal("checking", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));
        var row = await _app.Table("MediaChecks").GetEntityAsync<TableEntity>(check.TraceId, "check");
        Assert.Null(row.Value.GetString("Verdict"));
        Assert.DoesNotContain(await PendingAsync(_d.CommunityId, _d.CommunityAdmin), i => i.Str("ownerId") == photo);

        // WeChat's URL check: echostr back with the right signature, 403 with a wrong one.
        Assert.Equal("4375120948345356249",
            await PlainAsync(await _app.Http.GetAsync(WeChat.SignedUrl(_app.BaseAddress, echostr: "4375120948345356249")), 200));
        await (await _app.Http.GetAsync(WeChat.SignedUrl(_app.BaseAddress, token: "wrong", echostr: "1")))
            .ExpectProblemAsync(403, "wechat_signature_invalid");
    }

    [Fact]
    public async Task In_secure_mode_only_an_encrypted_push_signed_over_its_ciphertext_for_this_app_is_applied()
    {
        await using var secure = await slice.StartAnotherAsync(new Dictionary<string, string?>
        {
            ["WeChatPush:EncodingAESKey"] = WeChat.PushAesKey,
        });
        var order = (await (await SubmitAsync("楼道灯不亮", "三单元楼道灯不亮")).ExpectAsync(201)).Str("id");
        var (photo, check) = await CheckedPhotoAsync(order);
        var verdict = WeChat.MediaCheckEvent(check.TraceId, "risky", "20002");
        var genuine = WeChat.SecurePush(secure.BaseAddress, verdict);

        // Plaintext, signed right: refused, since its signature does not cover the body.
        await (await FakeWeChat.SendAsync(WeChat.MediaCheckPush(secure.BaseAddress, check.TraceId, "risky", "20002")))
            .ExpectProblemAsync(403, "wechat_push_encryption_required");
        // Encrypt changed under the genuine msg_signature; a msg_signature with another token.
        var encrypt = JsonNode.Parse(genuine.Body)!["Encrypt"]!.GetValue<string>();
        var tampered = (encrypt[0] == 'A' ? "B" : "A") + encrypt[1..];
        await (await FakeWeChat.SendAsync(genuine with { Body = FakeWeChat.EncryptedBody(tampered) }))
            .ExpectProblemAsync(403, "wechat_signature_invalid");
        await (await FakeWeChat.SendAsync(WeChat.SecurePush(secure.BaseAddress, verdict, token: "not-the-token")))
            .ExpectProblemAsync(403, "wechat_signature_invalid");
        // Signed right, but sealed for another app, or with another key.
        await (await FakeWeChat.SendAsync(WeChat.SecurePush(secure.BaseAddress, verdict, appId: "wx-another-app")))
            .ExpectProblemAsync(403, "wechat_push_decryption_failed");
        await (await FakeWeChat.SendAsync(WeChat.SecurePush(secure.BaseAddress, verdict, aesKey: FakeWeChat.NewEncodingAesKey())))
            .ExpectProblemAsync(403, "wechat_push_decryption_failed");

        // Nothing recorded for the trace, nothing listed, still checking.
        Assert.Equal("checking", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));
        var row = await _app.Table("MediaChecks").GetEntityAsync<TableEntity>(check.TraceId, "check");
        Assert.Null(row.Value.GetString("Verdict"));
        Assert.DoesNotContain(await PendingAsync(_d.CommunityId, _d.CommunityAdmin), i => i.Str("ownerId") == photo);

        // The URL check is signed as in plaintext mode (WeChat's documentation): echostr back.
        var urlCheck = await secure.Http.GetAsync(WeChat.SignedUrl(secure.BaseAddress, echostr: "20261201"));
        Assert.Equal("20261201", await PlainAsync(urlCheck, 200));
        // WeChat's own push: acknowledged in plain text, and applied.
        Assert.Equal("success", await PlainAsync(await FakeWeChat.SendAsync(genuine), 200));
        await Eventually.WaitAsync(async () => (await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"].Str("state") == "hidden",
            TimeSpan.FromSeconds(20));
        var seen = (await EvidenceAsync(photo, _d.CommunityAdmin))["moderation"];
        Assert.Equal(("hidden", "risky", "20002"), (seen.Str("state"), seen.Str("reason"), seen.Str("label")));
        row = await _app.Table("MediaChecks").GetEntityAsync<TableEntity>(check.TraceId, "check");
        Assert.Equal("Hidden", row.Value.GetString("Verdict"));
    }

    [Fact]
    public async Task A_replayed_push_and_a_second_verdict_for_the_same_trace_change_nothing_and_an_unknown_trace_is_dropped()
    {
        var order = (await (await SubmitAsync("下水道堵了", "一楼下水道堵塞")).ExpectAsync(201)).Str("id");
        var (photo, check) = await CheckedPhotoAsync(order);
        var pass = WeChat.MediaCheckPush(_app.BaseAddress, check.TraceId, "pass", "100");
        Assert.Equal("success", await PlainAsync(await FakeWeChat.SendAsync(pass), 200));
        await Eventually.WaitAsync(async () => (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state") == "passed",
            TimeSpan.FromSeconds(20));
        Assert.Equal("passed", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));

        // The same push again, and a risky verdict under a valid signature for the same trace id (a body the signature does not cover).
        Assert.Equal("success", await PlainAsync(await FakeWeChat.SendAsync(pass), 200));
        var risky = WeChat.MediaCheckPush(_app.BaseAddress, check.TraceId, "risky", "20002");
        Assert.Equal("success", await PlainAsync(await FakeWeChat.SendAsync(risky), 200));
        // A trace id WeChat never gave this app.
        Assert.Equal("success",
            await PlainAsync(await FakeWeChat.SendAsync(WeChat.MediaCheckPush(_app.BaseAddress, "ffffffff-0-0", "risky", "20002")), 200));

        // A verdict is applied only through the message staged when it is first recorded: none was staged for these.
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {check.TraceId}");
        await foreach (var row in _app.Table("MediaChecks").QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }
        Assert.Equal(["check"], rows.Select(r => r.RowKey));                                     // no outbox row left to send
        Assert.Equal("Passed", rows[0].GetString("Verdict"));
        Assert.Equal("passed", (await EvidenceAsync(photo, _d.Resident))["moderation"].Str("state"));
        Assert.DoesNotContain(await PendingAsync(_d.CommunityId, _d.CommunityAdmin), i => i.Str("ownerId") == photo);
        Assert.False((await _app.Table("MediaChecks").GetEntityIfExistsAsync<TableEntity>("ffffffff-0-0", "check")).HasValue);
    }
}
