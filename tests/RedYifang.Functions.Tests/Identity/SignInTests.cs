using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;

namespace RedYifang.Functions.Tests.Identity;

/// <summary>Sign-in through the loopback WeChat (its call counts are per code, so each test's codes are its own) and dev login.</summary>
[Collection(Slices.Organisations)]
public sealed class SignInTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private static List<(string Role, string? OrgId)> Roles(JsonObject me) =>
        me["roles"]!.AsArray().Select(r => (r.Str("role"), r!["orgId"]?.GetValue<string>())).ToList();

    private static List<(string Role, string? OrgId)> Only(params (string, string?)[] roles) => [.. roles];

    private Task<HttpResponseMessage> WeChatAsync(string code) => _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code });

    [Fact]
    public async Task WeChat_login_exchanges_the_code_and_returns_a_working_token()
    {
        var openId = "o-" + Guid.NewGuid().ToString("N");
        var before = DateTimeOffset.UtcNow;
        var login = await (await WeChatAsync($"ok:{openId}")).ExpectAsync(200);
        var after = DateTimeOffset.UtcNow;

        var user = login["user"]!;
        Assert.Equal(UserIds.FromOpenId(openId), user.Str("id"));
        Assert.Equal(Only(("resident", null)), Roles(user.AsObject()));
        Assert.DoesNotContain(openId, login.ToJsonString());
        Assert.DoesNotContain("session", login.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(DateTimeOffset.Parse(login.Str("expiresAt")), before.AddHours(12).AddSeconds(-1), after.AddHours(12).AddSeconds(1));   // Auth:TokenLifetime
        Assert.Equal(1, _app.WeChat.CallsFor($"ok:{openId}"));

        var me = await (await _app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/me")
        {
            Headers = { Authorization = new("Bearer", login.Str("accessToken")) },
        })).ExpectAsync(200);
        Assert.Equal(user.Str("id"), me.Str("id"));
        Assert.Equal(Only(("resident", null)), Roles(me));
    }

    [Fact]
    public async Task WeChat_answers_sent_as_text_plain_are_parsed()
    {
        var openId = "o-plain-" + Guid.NewGuid().ToString("N");
        var login = await (await WeChatAsync($"text:{openId}")).ExpectAsync(200);
        Assert.Equal(UserIds.FromOpenId(openId), login["user"].Str("id"));
    }

    [Theory]
    [InlineData("invalid", 400, "wechat_invalid_code")]
    [InlineData("limited", 429, "wechat_rate_limited")]
    [InlineData("blocked", 403, "wechat_user_blocked")]
    public async Task WeChat_refusals_become_clear_answers_without_retrying(string code, int status, string problemCode)
    {
        var unique = $"{code}:{Guid.NewGuid():N}";
        var response = await WeChatAsync(unique);

        await response.ExpectProblemAsync(status, problemCode);
        Assert.Equal(1, _app.WeChat.CallsFor(unique));
        string[] retryAfter = status == 429 ? ["60"] : [];
        Assert.Equal(retryAfter, response.Headers.TryGetValues("Retry-After", out var values) ? values : []);
    }

    [Fact]
    public async Task System_busy_is_retried_a_bounded_number_of_times_then_503()
    {
        var code = $"busy:{Guid.NewGuid():N}";
        var response = await WeChatAsync(code);

        await response.ExpectProblemAsync(503, "wechat_busy");
        Assert.Equal(3, _app.WeChat.CallsFor(code)); // the first call and two retries (WeChat:MaxRetries)
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_transient_busy_answer_is_retried_to_success()
    {
        var openId = $"o-{Guid.NewGuid():N}";
        var code = $"busy-once:{openId}";
        var login = await (await WeChatAsync(code)).ExpectAsync(200);
        Assert.Equal(UserIds.FromOpenId(openId), login["user"].Str("id"));
        Assert.Equal(2, _app.WeChat.CallsFor(code));
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("http500")]
    public async Task An_unreachable_WeChat_is_503_after_bounded_attempts(string kind)
    {
        var code = $"{kind}:{Guid.NewGuid():N}";
        var response = await WeChatAsync(code);

        await response.ExpectProblemAsync(503, "wechat_unavailable");
        Assert.Equal(3, _app.WeChat.CallsFor(code));
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_missing_code_is_a_field_error()
    {
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { })).ExpectProblemAsync(
            400,
            "validation_failed");
        Assert.Equal(new Dictionary<string, string[]> { ["code"] = ["必填"] }, problem.Errors());
    }

    [Fact]
    public async Task Dev_login_of_a_bootstrap_admin_shows_the_district_admin_role()
    {
        var login = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = AppUnderTest.BootstrapAdmin }))
            .ExpectAsync(200);
        var me = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", AppUnderTest.BootstrapAdmin)).ExpectAsync(200);

        Assert.Equal(Only(("resident", null), ("districtAdmin", null)), Roles(me));
        Assert.Equal(Roles(me), Roles(login["user"]!.AsObject()));
        Assert.Equal(login["user"].Str("id"), me.Str("id"));
    }

    [Fact]
    public async Task Dev_login_is_404_unless_enabled()
    {
        await using var app = await slice.StartAnotherAsync(new Dictionary<string, string?> { ["Auth:DevLogin"] = "false" });

        var response = await app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = "dev-admin" });

        await response.ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Roles_are_read_per_request_so_a_revoke_takes_effect_at_once()
    {
        var d = await slice.DistrictAsync("signin");
        var openId = await d.UserAsync(_app, "revokee", "streetAdmin", d.StreetId);
        var userId = await TestDistrict.UserIdAsync(_app, openId);
        Assert.Equal(
            Only(("resident", null), ("streetAdmin", d.StreetId)),
            Roles(await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200)));
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            openId,
            new { kind = "community", parentId = d.StreetId, name = "撤销前社区" })).ExpectAsync(201);

        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/{d.StreetId}/roles/{userId}", AppUnderTest.BootstrapAdmin))
            .ExpectAsync(204);

        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            openId,
            new { kind = "community", parentId = d.StreetId, name = "撤销后社区" }))
            .ExpectProblemAsync(403, "forbidden");
        Assert.Empty(await _app.Services.GetRequiredService<UserStore>().GetRolesAsync(userId));
        Assert.Equal(Only(("resident", null)), Roles(await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200)));
    }
}
