using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RedYifang.Testing;

/// <summary>
/// A loopback HTTP server that plays WeChat's <c>sns/jscode2session</c>. The code says how to answer:
/// <c>ok:{openid}</c>, <c>text:{openid}</c> (JSON sent as text/plain), <c>busy-once:{openid}</c> (-1 then success),
/// <c>busy</c>, <c>invalid</c>, <c>limited</c>, <c>blocked</c>, <c>slow</c> (answers after 10 s), <c>http500</c>,
/// <c>union:{openid}:{unionid}</c> (with a union id).
/// It also plays the open platform's <c>sns/oauth2/access_token</c> for the website app: <see cref="IssueWebCode"/> hands
/// out a code the way a QR scan would, usable once (40163 after), <c>busy</c> answers -1, any other code 40029.
/// The server APIs (access token, subscription messages, content security) are played in the other parts of this class.
/// </summary>
public sealed partial class FakeWeChat : IAsyncDisposable
{
    public const string AppId = "wx-test-app";
    public const string WebAppId = "wx-test-web";
    public string AppSecret { get; } = Guid.NewGuid().ToString("N");
    public string WebAppSecret { get; } = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, (string OpenId, string? UnionId)> _webCodes = new();
    private readonly ConcurrentDictionary<string, bool> _usedWebCodes = new();
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public Uri BaseUrl { get; private set; }

    public int CallsFor(string code) => _calls.GetValueOrDefault(code);

    private FakeWeChat(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeWeChat> StartAsync()
    {
        // Port 0: the server takes a free port as it binds, so no other process can take it in between.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeWeChat(app, new Uri("http://127.0.0.1/"));
        app.MapGet("/sns/jscode2session", fake.Answer);
        app.MapGet("/sns/oauth2/access_token", fake.AnswerWeb);
        fake.MapServerApis(app);
        fake.MapMessages(app);
        fake.MapSecurity(app);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    private async Task<IResult> Answer(HttpRequest request)
    {
        var code = request.Query["js_code"].ToString();
        var calls = _calls.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (request.Query["appid"] != AppId || request.Query["secret"] != AppSecret
            || request.Query["grant_type"] != "authorization_code")
        {
            return Error(40013, "invalid appid");
        }
        var (kind, openId) = code.Split(':', 2) is [var k, var o] ? (k, o) : (code, "");
        switch (kind)
        {
            case "ok": return Session(openId, "application/json");
            case "union" when openId.Split(':', 2) is [var mini, var union]: return Session(mini, "application/json", union);
            case "text": return Session(openId, "text/plain");
            case "busy-once": return calls == 1 ? Error(-1, "system error") : Session(openId, "application/json");
            case "busy": return Error(-1, "system error");
            case "invalid": return Error(40029, "invalid code");
            case "limited": return Error(45011, "api minute-quota reach limit");
            case "blocked": return Error(40226, "high risk user");
            case "http500": return Results.StatusCode(500);
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(10), request.HttpContext.RequestAborted);
                return Session("slow-user", "application/json");
            default: return Error(40029, "invalid code");
        }
    }

    private static IResult Session(string openId, string contentType, string? unionId = null) =>
        Results.Text(
            unionId is null
                ? $$"""{"openid":"{{openId}}","session_key":"c2VjcmV0LXNlc3Npb24ta2V5"}"""
                : $$"""{"openid":"{{openId}}","unionid":"{{unionId}}","session_key":"c2VjcmV0LXNlc3Npb24ta2V5"}""",
            contentType);

    /// <summary>A code WeChat would redirect the console back with once the user scanned and confirmed.</summary>
    public string IssueWebCode(string openId, string? unionId)
    {
        var code = "web-" + Guid.NewGuid().ToString("N");
        _webCodes[code] = (openId, unionId);
        return code;
    }

    private IResult AnswerWeb(HttpRequest request)
    {
        var code = request.Query["code"].ToString();
        _calls.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (request.Query["appid"] != WebAppId || request.Query["secret"] != WebAppSecret
            || request.Query["grant_type"] != "authorization_code")
        {
            return Error(40013, "invalid appid");
        }
        if (code == "busy") return Error(-1, "system error");
        if (!_webCodes.TryGetValue(code, out var user)) return Error(40029, "invalid code");
        if (!_usedWebCodes.TryAdd(code, true)) return Error(40163, "code been used");
        var union = user.UnionId is null ? "" : $",\"unionid\":\"{user.UnionId}\"";
        return Results.Text(
            $$"""{"access_token":"web-access-token","expires_in":7200,"openid":"{{user.OpenId}}","scope":"snsapi_login"{{union}}}""",
            "application/json");
    }

    private static IResult Error(int code, string message) =>
        Results.Text($$"""{"errcode":{{code}},"errmsg":"{{message}}"}""", "application/json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
