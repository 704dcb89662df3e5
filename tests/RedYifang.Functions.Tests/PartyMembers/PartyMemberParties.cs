using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.PartyMembers;

/// <summary>
/// What the party member slice tests share: a report body, a member made through the API (reported, approved by the
/// community admin, holding the role), attendance and order messages sent on the feature's queues as its translators stage
/// them, and waiting until such a queue is empty (a message leaves it only once handled).
/// </summary>
internal sealed class PartyMemberParties(SliceApp slice, TestDistrict d)
{
    private readonly AppUnderTest _app = slice.App;

    public static object Body(string communityId, string? gridId = null, string? workUnitId = null, string? workUnitName = "长春某科技公司") =>
        new
        {
            communityId, gridId, workUnitId, workUnitName = workUnitId is null ? workUnitName : null, skills = new[] { "理发", "家电维修" },
            serviceCategories = new[] { "repairs", "elderlyCare" },
        };

    public Task<HttpResponseMessage> ReportAsync(string asOpenId, object body, IDictionary<string, string>? headers = null) =>
        _app.SendAsync(HttpMethod.Post, "api/v1/party-member-reports", asOpenId, body, headers);

    public Task<HttpResponseMessage> DecideAsync(string id, string action, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/party-member-reports/{id}/{action}", asOpenId, body);

    public async Task<List<string>> ListAsync(string asOpenId, string query) =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-member-reports?{query}&limit=100", asOpenId)).ExpectAsync(200)).Ids();

    /// <summary>The roles the user holds, as "role@orgId".</summary>
    public async Task<List<string>> RolesAsync(string openId) =>
        [.. (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200))["roles"]!.AsArray()
            .Select(r => $"{r.Str("role")}@{r!["orgId"]?.GetValue<string>()}")];

    /// <summary>Waits until the user holds partyMember at the organisation (the grant follows the approval through a queue).</summary>
    public async Task<List<string>> GrantedAsync(string openId, string orgId)
    {
        var roles = new List<string>();
        await Eventually.WaitAsync(async () => (roles = await RolesAsync(openId)).Contains($"partyMember@{orgId}"),
            TimeSpan.FromSeconds(30));
        return roles;
    }

    /// <summary>A user reported to the community (and grid, and unit) and approved by its admin: (open id, user id, report id).</summary>
    public async Task<(string OpenId, string UserId, string ReportId)> MemberAsync(string name, string? communityId = null,
        string? gridId = null, string? workUnitId = null)
    {
        var openId = await d.UserAsync(_app, name);
        var report = await (await ReportAsync(openId, Body(communityId ?? d.CommunityId, gridId, workUnitId))).ExpectAsync(201);
        var admin = communityId is null || communityId == d.CommunityId ? d.CommunityAdmin : d.DistrictAdmin;
        await (await DecideAsync(report.Str("id"), "approve", admin)).ExpectAsync(200);
        Assert.Contains($"partyMember@{gridId ?? communityId ?? d.CommunityId}", await GrantedAsync(openId,
            gridId ?? communityId ?? d.CommunityId));
        return (openId, report.Str("userId"), report.Str("id"));
    }

    public static AttendanceMessage Attendance(TestDistrict d, string userId, string activityId, decimal hours, DateTimeOffset at,
        bool checkedIn = true, AttendanceOutcome outcome = AttendanceOutcome.Approved) =>
        new(outcome, activityId, d.CommunityId, d.DistrictId, userId, hours, at, checkedIn);

    public static string NewActivity() => Keys.NewId("act");

    private QueueClient Queue(string name) =>
        new(slice.Storage.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>Sends the messages on queue party-member-attendance, all at once.</summary>
    public Task SendAsync(params AttendanceMessage[] messages) => SendAsync(AttendanceMessage.Queue, messages);

    /// <summary>Sends the messages on queue party-member-orders, all at once, as PartyMembers/OrderServedTranslator.cs stages them.</summary>
    public Task SendAsync(params OrderServedMessage[] messages) => SendAsync(OrderServedMessage.Queue, messages);

    private async Task SendAsync<T>(string name, T[] messages)
    {
        var queue = Queue(name);
        await queue.CreateIfNotExistsAsync();
        await Task.WhenAll(messages.Select(m => queue.SendMessageAsync(JsonSerializer.Serialize(m, Json.Options))));
    }

    /// <summary>
    /// Waits until the queue (party-member-attendance unless another is named) is empty (its count includes the messages being
    /// handled), none poisoned.
    /// </summary>
    public async Task DrainedAsync(string name = AttendanceMessage.Queue)
    {
        var queue = Queue(name);
        await Eventually.WaitAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var poison = Queue(name + "-poison");
        Assert.False(await poison.ExistsAsync() && (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, "poisoned");
    }

    public async Task<JsonObject> LedgerAsync(string userId, string asOpenId, string? period = null) =>
        await (await _app.SendAsync(HttpMethod.Get,
            $"api/v1/party-members/{userId}/points?limit=100{(period is null ? "" : $"&period={period}")}",
            asOpenId)).ExpectAsync(200);

    /// <summary>The entries of a ledger as (source, sourceId, points, ruleVersion, reversalOf, capped).</summary>
    public static List<(string, string, decimal, int?, string?, bool)> Entries(JsonObject ledger) =>
        [.. ledger["items"]!.AsArray().Select(e => (e.Str("source"), e.Str("sourceId"), e!["points"]!.GetValue<decimal>(),
            e["ruleVersion"]?.GetValue<int>(), e["reversalOf"]?.GetValue<string>(), e["capped"]!.GetValue<bool>()))];

    public static object Rules(int checkIn, int? checkInCap, int perHour, int? hoursCap, int order = 5, int? orderCap = null) => new
    {
        sources = new
        {
            checkIn = new { points = checkIn, monthlyCap = checkInCap },
            attendance = new { points = perHour, monthlyCap = hoursCap },
            order = new { points = order, monthlyCap = orderCap },
        },
    };
}
