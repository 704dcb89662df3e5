using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RedYifang.Testing;

/// <summary>
/// A loopback HTTP server that plays WeChat's <c>sns/jscode2session</c>. The code says how to answer:
/// <c>ok:{openid}</c>, <c>text:{openid}</c> (JSON sent as text/plain), <c>busy-once:{openid}</c> (-1 then success),
/// <c>busy</c>, <c>invalid</c>, <c>limited</c>, <c>blocked</c>, <c>slow</c> (answers after 10 s), <c>http500</c>.
/// </summary>
public sealed class FakeWeChat : IAsyncDisposable
{
    public const string AppId = "wx-test-app";
    public string AppSecret { get; } = Guid.NewGuid().ToString("N");
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

    private static IResult Session(string openId, string contentType) =>
        Results.Text($$"""{"openid":"{{openId}}","session_key":"c2VjcmV0LXNlc3Npb24ta2V5"}""", contentType);

    private static IResult Error(int code, string message) =>
        Results.Text($$"""{"errcode":{{code}},"errmsg":"{{message}}"}""", "application/json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
