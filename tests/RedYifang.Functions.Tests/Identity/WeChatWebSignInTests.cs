using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Tests.Identity;

/// <summary>The console's website QR login through the loopback open platform (each test issues its own codes).</summary>
[Collection(Slices.Organisations)]
public sealed class WeChatWebSignInTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;
    private static readonly string State = "st-" + Guid.NewGuid().ToString("N");

    private UserStore Users => _app.Services.GetRequiredService<UserStore>();

    private Task<HttpResponseMessage> WebAsync(string code, string state = "") =>
        _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat-web", json: new { code, state = state.Length > 0 ? state : State });

    private Task GrantStaffAsync(string userId) => Users.GrantAsync(userId, new RoleGrant(Role.DistrictAdmin, null), "test");

    private static List<string> RoleNames(JsonNode? me) => me!["roles"]!.AsArray().Select(r => r.Str("role")).ToList();

    [Fact]
    public async Task The_union_id_finds_the_mini_program_user()
    {
        var unionId = "u-" + Guid.NewGuid().ToString("N");
        var miniOpenId = "o-mini-" + Guid.NewGuid().ToString("N");
        var mini = await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = $"union:{miniOpenId}:{unionId}" }))
            .ExpectAsync(200);
        var userId = mini["user"].Str("id");
        await GrantStaffAsync(userId);

        var login = await (await WebAsync(_app.WeChat.IssueWebCode("o-web-" + Guid.NewGuid().ToString("N"), unionId))).ExpectAsync(200);

        Assert.Equal(userId, login["user"].Str("id"));
        Assert.Equal(["resident", "districtAdmin"], RoleNames(login["user"]));
        Assert.DoesNotContain("access_token", login.ToJsonString());
        var me = await (await _app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/me")
        {
            Headers = { Authorization = new("Bearer", login.Str("accessToken")) },
        })).ExpectAsync(200);
        Assert.Equal(userId, me.Str("id"));
    }

    [Fact]
    public async Task Without_a_union_id_the_user_is_the_one_of_the_web_open_id()
    {
        var webOpenId = "o-web-" + Guid.NewGuid().ToString("N");
        await GrantStaffAsync(UserIds.FromWebOpenId(webOpenId));

        var login = await (await WebAsync(_app.WeChat.IssueWebCode(webOpenId, null))).ExpectAsync(200);

        Assert.Equal(UserIds.FromWebOpenId(webOpenId), login["user"].Str("id"));
        Assert.NotEqual(UserIds.FromOpenId(webOpenId), login["user"].Str("id"));
    }

    [Fact]
    public async Task A_union_id_no_mini_program_user_has_falls_back_to_the_web_open_id()
    {
        var webOpenId = "o-web-" + Guid.NewGuid().ToString("N");
        await GrantStaffAsync(UserIds.FromWebOpenId(webOpenId));

        var login = await (await WebAsync(_app.WeChat.IssueWebCode(webOpenId, "u-" + Guid.NewGuid().ToString("N")))).ExpectAsync(200);

        Assert.Equal(UserIds.FromWebOpenId(webOpenId), login["user"].Str("id"));
    }

    [Fact]
    public async Task A_used_code_is_a_clear_problem()
    {
        var webOpenId = "o-web-" + Guid.NewGuid().ToString("N");
        await GrantStaffAsync(UserIds.FromWebOpenId(webOpenId));
        var code = _app.WeChat.IssueWebCode(webOpenId, null);
        await (await WebAsync(code)).ExpectAsync(200);

        var problem = await (await WebAsync(code)).ExpectProblemAsync(400, "wechat_invalid_code");

        Assert.Equal("二维码登录凭证已使用或已过期，请重新扫码。", problem.Str("detail"));
        Assert.Equal(2, _app.WeChat.CallsFor(code));
    }

    [Fact]
    public async Task An_unknown_code_is_a_clear_problem_and_a_busy_WeChat_is_503()
    {
        await (await WebAsync("web-unknown-" + Guid.NewGuid().ToString("N"))).ExpectProblemAsync(400, "wechat_invalid_code");
        await (await WebAsync("busy")).ExpectProblemAsync(503, "wechat_busy");
    }

    [Fact]
    public async Task A_user_without_a_staff_role_is_403_and_no_user_is_made()
    {
        var webOpenId = "o-web-" + Guid.NewGuid().ToString("N");

        var problem = await (await WebAsync(_app.WeChat.IssueWebCode(webOpenId, null))).ExpectProblemAsync(403, "console_staff_only");

        Assert.Contains(UserIds.FromWebOpenId(webOpenId), problem.Str("detail"));
        Assert.Null(await Users.FindAsync(UserIds.FromWebOpenId(webOpenId)));
    }

    [Fact]
    public async Task A_malformed_state_is_a_field_error_before_WeChat_is_asked()
    {
        var code = _app.WeChat.IssueWebCode("o-web-" + Guid.NewGuid().ToString("N"), null);

        var problem = await (await WebAsync(code, "short")).ExpectProblemAsync(400, "validation_failed");

        Assert.Equal(new Dictionary<string, string[]> { ["state"] = ["须为 16 至 128 位字母、数字、- 或 _"] }, problem.Errors());
        Assert.Equal(0, _app.WeChat.CallsFor(code));
    }

    [Fact]
    public async Task The_config_names_the_web_app_and_the_redirect()
    {
        var config = await (await _app.SendAsync(HttpMethod.Get, "api/v1/auth/wechat-web/config")).ExpectAsync(200);

        Assert.Equal(FakeWeChat.WebAppId, config.Str("appId"));
        Assert.Equal("http://localhost:7071/console/", config.Str("redirectUri"));
        Assert.DoesNotContain(_app.WeChat.WebAppSecret, config.ToJsonString());
    }

    [Fact]
    public async Task Not_configured_both_routes_are_404()
    {
        await using var app = await slice.StartAnotherAsync(new Dictionary<string, string?>
        {
            ["WeChatWeb:AppId"] = null, ["WeChatWeb:AppSecret"] = null, ["WeChatWeb:RedirectUri"] = null,
        });

        await (await app.SendAsync(HttpMethod.Get, "api/v1/auth/wechat-web/config")).ExpectProblemAsync(404, "not_found");
        await (await app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat-web", json: new { code = "x", state = State }))
            .ExpectProblemAsync(404, "not_found");
    }
}
