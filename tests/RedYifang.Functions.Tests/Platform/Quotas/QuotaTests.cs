using System.Security.Cryptography;
using Azure.Data.Tables;

namespace RedYifang.Functions.Tests.Platform.Quotas;

/// <summary>An app whose quotas are small enough to reach: three orders a day, two pending uploads of 30 MB together.</summary>
public sealed class QuotaApp : SliceApp
{
    public const int Orders = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Quotas:OrdersPerResidentPerDay"] = Orders.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Quotas:PendingUploadTickets"] = "2",
        ["Quotas:PendingUploadBytes"] = (30 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The per-user quotas counted in Table Storage (orders a day, pending uploads) on an app of their own, and the per-instance
/// sign-in limits on apps of their own (an address's limit is the whole app's, so no other test may sign in there).
/// </summary>
public sealed class QuotaTests(QuotaApp slice) : IClassFixture<QuotaApp>, IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("quotas");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Seconds until midnight in China, rounded up as Retry-After is.</summary>
    private static int SecondsToChinaMidnight(DateTimeOffset at)
    {
        var china = at.ToOffset(TimeSpan.FromHours(8));
        var midnight = new DateTimeOffset(china.Date.AddDays(1), TimeSpan.FromHours(8));
        return (int)Math.Ceiling((midnight - at).TotalSeconds);
    }

    private static int RetryAfter(HttpResponseMessage response) => int.Parse(response.Headers.GetValues("Retry-After").Single());

    private async Task<int> RowsAsync(string table) => await _app.Table(table).QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync();

    [Fact]
    public async Task A_resident_raises_the_daily_number_of_orders_and_no_more_while_staff_are_not_counted()
    {
        var resident = await _d.UserAsync(_app, "限额居民");
        for (var i = 0; i < QuotaApp.Orders; i++) await _d.SubmitOrderAsync(_app, asOpenId: resident);
        var orders = await RowsAsync("Orders");

        var before = DateTimeOffset.UtcNow;
        var refused = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, new
        {
            communityId = _d.CommunityId, title = "再来一单", category = "elderlyCare", description = "超过当日限额",
            beneficiaries = 1, urgency = "low", level = "community",
        });
        var after = DateTimeOffset.UtcNow;
        var problem = await refused.ExpectProblemAsync(429, "too_many_orders");
        Assert.Equal("每天最多 3 次，请明天再试。", problem.Str("detail"));
        Assert.InRange(RetryAfter(refused), SecondsToChinaMidnight(after), SecondsToChinaMidnight(before));
        Assert.Equal(orders, await RowsAsync("Orders"));                                       // nothing written

        // Another resident has a quota of their own; the community's admin raises orders for residents without one.
        await _d.SubmitOrderAsync(_app, asOpenId: await _d.UserAsync(_app, "另一位居民"));
        for (var i = 0; i < QuotaApp.Orders + 2; i++) await _d.SubmitOrderAsync(_app, asOpenId: _d.CommunityAdmin);
    }

    [Fact]
    public async Task Two_instances_raising_orders_at_once_pass_the_daily_limit_together_no_further()
    {
        await using var other = await slice.StartAnotherAsync(new Dictionary<string, string?>
        {
            ["Quotas:OrdersPerResidentPerDay"] = QuotaApp.Orders.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var resident = await _d.UserAsync(_app, "并发居民");
        await other.TokenAsync(resident);
        var body = new
        {
            communityId = _d.CommunityId, title = "并发下单", category = "elderlyCare", description = "两个实例同时下单",
            beneficiaries = 1, urgency = "low", level = "community",
        };
        var answers = await Task.WhenAll(Enumerable.Range(0, 4 * QuotaApp.Orders)
            .Select(i => (i % 2 == 0 ? _app : other).SendAsync(HttpMethod.Post, "api/v1/orders", resident, body)));

        Assert.Equal(QuotaApp.Orders, answers.Count(a => (int)a.StatusCode == 201));
        foreach (var refused in answers.Where(a => (int)a.StatusCode != 201)) await refused.ExpectProblemAsync(429, "too_many_orders");
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", resident)).ExpectAsync(200);
        Assert.Equal(QuotaApp.Orders, mine.Ids().Count);
    }

    private async Task<HttpResponseMessage> TicketAsync(string ownerId, long size, string contentType, byte[]? bytes = null) =>
        await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.StreetAdmin, new
        {
            ownerType = "org", ownerId, fileName = "材料.pdf", contentType, size,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes ?? new byte[32])),
        });

    [Fact]
    public async Task Pending_uploads_are_limited_by_count_and_bytes_and_a_commit_frees_its_ticket()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "上传限额单位" + Guid.NewGuid().ToString("N")[..6], "socialOrganization");
        var before = DateTimeOffset.UtcNow;
        var large = await (await TicketAsync(unit, 20 * 1024 * 1024, "application/pdf")).ExpectAsync(201);
        var evidence = await RowsAsync("Evidence");

        // 20 MB pending and 20 MB more would announce 40 MB of the 30 allowed: refused until the first ticket expires.
        var tooLarge = await TicketAsync(unit, 20 * 1024 * 1024, "application/pdf");
        var after = DateTimeOffset.UtcNow;
        await tooLarge.ExpectProblemAsync(429, "too_many_pending_upload_bytes");
        var expires = DateTimeOffset.Parse(large.Str("expiresAt"));
        Assert.InRange(RetryAfter(tooLarge), (int)(expires - after).TotalSeconds, (int)Math.Ceiling((expires - before).TotalSeconds));
        Assert.Equal(evidence, await RowsAsync("Evidence"));

        var photo = Photos.Jpeg(7);
        var small = await (await TicketAsync(unit, photo.Length, "image/jpeg", photo)).ExpectAsync(201);
        var third = await TicketAsync(unit, photo.Length, "image/jpeg", photo);
        await third.ExpectProblemAsync(429, "too_many_pending_uploads");
        Assert.Equal(evidence + 1, await RowsAsync("Evidence"));

        // Committing the photo uses its ticket: one more may be had.
        Assert.Equal(201, await ApiClient.PutAsync(small, photo));
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/evidence/{small.Str("evidenceId")}/commit", _d.StreetAdmin)).ExpectAsync(202);
        await (await TicketAsync(unit, photo.Length, "image/jpeg", photo)).ExpectAsync(201);
    }
}

/// <summary>The sign-in limits, each on an app of its own (limits per window of an hour, so no window ends mid-test).</summary>
public sealed class SignInLimitTests
{
    private static Task<SliceApp> AppAsync(string setting, int limit) => SliceApp.StartAsync(new Dictionary<string, string?>
    {
        [setting] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Quotas:SignInWindow"] = "01:00:00",
    });

    private static Task<HttpResponseMessage> DevAsync(AppUnderTest app, string openId) =>
        app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId });

    private static Task<HttpResponseMessage> WeChatAsync(AppUnderTest app, string code) =>
        app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code });

    private static void AssertRetryWithinTheWindow(HttpResponseMessage response) =>
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 1, 3600);

    [Fact]
    public async Task Sign_ins_from_one_address_stop_at_the_limit_before_WeChat_is_asked()
    {
        await using var slice = await AppAsync("Quotas:SignInsPerAddress", 4);
        for (var i = 0; i < 4; i++) await (await DevAsync(slice.App, $"o-address-{i}")).ExpectAsync(200);

        var refused = await DevAsync(slice.App, "o-address-4");
        await refused.ExpectProblemAsync(429, "too_many_sign_ins");
        AssertRetryWithinTheWindow(refused);
        var code = $"ok:o-address-{Guid.NewGuid():N}";
        await (await WeChatAsync(slice.App, code)).ExpectProblemAsync(429, "too_many_sign_ins");
        Assert.Equal(0, slice.WeChat.CallsFor(code));
    }

    [Fact]
    public async Task Sign_ins_of_one_open_id_stop_at_the_limit_whichever_way_they_come()
    {
        await using var slice = await AppAsync("Quotas:SignInsPerOpenId", 3);
        for (var i = 0; i < 2; i++) await (await DevAsync(slice.App, "o-often")).ExpectAsync(200);
        await (await WeChatAsync(slice.App, "ok:o-often")).ExpectAsync(200);

        var refused = await WeChatAsync(slice.App, "ok:o-often");
        await refused.ExpectProblemAsync(429, "too_many_sign_ins");
        AssertRetryWithinTheWindow(refused);
        await (await DevAsync(slice.App, "o-often")).ExpectProblemAsync(429, "too_many_sign_ins");
        await (await DevAsync(slice.App, "o-seldom")).ExpectAsync(200);                       // another user is not held up
    }
}
