using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Tests.Identity;

[Collection("app")]
public sealed class SignInTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    [Fact]
    public async Task WeChat_login_exchanges_the_code_and_returns_a_working_token()
    {
        var openId = "o-" + Guid.NewGuid().ToString("N");
        var login = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = $"ok:{openId}" })).ExpectAsync(200);

        var user = login["user"]!;
        Assert.Equal(UserIds.FromOpenId(openId), user.Str("id"));
        Assert.DoesNotContain(openId, login.ToJsonString());
        Assert.DoesNotContain("session", login.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(DateTimeOffset.Parse(login.Str("expiresAt")) > DateTimeOffset.UtcNow);

        var me = await (await _app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/me")
        {
            Headers = { Authorization = new("Bearer", login.Str("accessToken")) },
        })).ExpectAsync(200);
        Assert.Equal(user.Str("id"), me.Str("id"));
        Assert.Equal("resident", me["roles"]![0].Str("role"));
    }

    [Fact]
    public async Task WeChat_answers_sent_as_text_plain_are_parsed()
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = "text:o-plain" })).ExpectAsync(200);
    }

    [Theory]
    [InlineData("invalid", 400, "wechat_invalid_code")]
    [InlineData("limited", 429, "wechat_rate_limited")]
    [InlineData("blocked", 403, "wechat_user_blocked")]
    public async Task WeChat_refusals_become_clear_answers_without_retrying(string code, int status, string problemCode)
    {
        var unique = $"{code}:{Guid.NewGuid():N}";
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = unique });

        Assert.Equal(problemCode, (await response.ExpectAsync(status)).Str("code"));
        Assert.Equal(1, _app.WeChat.CallsFor(unique));
        if (status == 429) Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task System_busy_is_retried_a_bounded_number_of_times_then_503()
    {
        var code = $"busy:{Guid.NewGuid():N}";
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code });

        Assert.Equal("wechat_busy", (await response.ExpectAsync(503)).Str("code"));
        Assert.Equal(3, _app.WeChat.CallsFor(code)); // the first call and two retries (WeChat:MaxRetries)
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task A_transient_busy_answer_is_retried_to_success()
    {
        var code = $"busy-once:o-{Guid.NewGuid():N}";
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code })).ExpectAsync(200);
        Assert.Equal(2, _app.WeChat.CallsFor(code));
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("http500")]
    public async Task An_unreachable_WeChat_is_503_after_bounded_attempts(string kind)
    {
        var code = $"{kind}:{Guid.NewGuid():N}";
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code });

        Assert.Equal("wechat_unavailable", (await response.ExpectAsync(503)).Str("code"));
        Assert.Equal(3, _app.WeChat.CallsFor(code));
    }

    [Fact]
    public async Task A_missing_code_is_a_field_error()
    {
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { })).ExpectAsync(400);
        Assert.Equal("必填", problem["errors"]!["code"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Dev_login_of_a_bootstrap_admin_shows_the_district_admin_role()
    {
        var login = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = AppUnderTest.BootstrapAdmin })).ExpectAsync(200);
        var me = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", AppUnderTest.BootstrapAdmin)).ExpectAsync(200);

        Assert.Contains(me["roles"]!.AsArray(), r => r.Str("role") == "districtAdmin" && r!["orgId"] is null);
        Assert.Equal(login["user"].Str("id"), me.Str("id"));
    }

    [Fact]
    public async Task Dev_login_is_404_unless_enabled()
    {
        await using var app = await AppUnderTest.StartAsync(_app.Storage, _app.WeChat,
            new Dictionary<string, string?> { ["Auth:DevLogin"] = "false" }, seedDemo: false);

        var response = await app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = "dev-admin" });

        Assert.Equal("not_found", (await response.ExpectAsync(404)).Str("code"));
    }

    [Fact]
    public async Task Roles_are_read_per_request_so_a_revoke_takes_effect_at_once()
    {
        var openId = "revokee-" + Guid.NewGuid().ToString("N")[..8];
        var userId = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId })).ExpectAsync(200))["user"].Str("id");
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/org_demo-s3/roles/{userId}", AppUnderTest.BootstrapAdmin, new { role = "streetAdmin" }))
            .ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", openId, new { kind = "community", parentId = "org_demo-s3", name = "新社区" + Guid.NewGuid() }))
            .ExpectAsync(201);

        await (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/org_demo-s3/roles/{userId}", AppUnderTest.BootstrapAdmin)).ExpectAsync(204);

        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", openId, new { kind = "community", parentId = "org_demo-s3", name = "新社区" + Guid.NewGuid() }))
            .ExpectAsync(403);
        var roles = await _app.Services.GetRequiredService<UserStore>().GetRolesAsync(userId);
        Assert.Empty(roles);
    }
}
