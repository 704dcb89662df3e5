using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RedYifang.Testing;

/// <summary>
/// WeChat's content security, played with the shared access token (<see cref="CheckToken"/>):
/// <list type="bullet">
/// <item><c>wxa/msg_sec_check</c> (v2): a text containing <see cref="RiskyMarker"/> is risky (label <see cref="RiskyLabel"/>),
/// one containing <see cref="ReviewMarker"/> is to review (label <see cref="ReviewLabel"/>), anything else passes (label 100);
/// a body that is not v2 (version 2, scene 1–4, an open id, a content) answers WeChat's error code for it;</item>
/// <item><c>wxa/media_check_async</c> (v2): fetches <c>media_url</c> as WeChat would (so a test sees WeChat could read it),
/// records the request and answers a new <c>trace_id</c>; the verdict comes later, when the test pushes it to the app
/// (<see cref="MediaCheckPush"/>, signed with <see cref="PushToken"/> as WeChat's message push is; in secure mode
/// <see cref="SecurePush"/>, tests/RedYifang.Testing/FakeWeChat.SecurePush.cs).</item>
/// </list>
/// <see cref="SecurityUnavailable"/> makes both answer -1 (system busy), <see cref="SecurityDown"/> HTTP 503. Every request is recorded.
/// </summary>
public sealed partial class FakeWeChat
{
    public const string RiskyMarker = "【违规】";
    public const string ReviewMarker = "【待审】";
    public const string RiskyLabel = "20001";
    public const string ReviewLabel = "21000";

    private static readonly HttpClient Fetcher = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<TextCheck> _textChecks = new();
    private readonly ConcurrentQueue<MediaCheck> _mediaChecks = new();
    private int _traces;
    private int _mediaAttempts;

    /// <summary>media_check_async requests received, answered or not (<see cref="SecurityDown"/>).</summary>
    public int MediaCheckAttempts => Volatile.Read(ref _mediaAttempts);

    /// <summary>The message push Token (令牌) the app is configured with (<c>WeChatPush:Token</c>).</summary>
    public string PushToken { get; } = Guid.NewGuid().ToString("N");

    /// <summary>While true, msg_sec_check and media_check_async answer -1 (system busy).</summary>
    public bool SecurityUnavailable { get; set; }

    /// <summary>While true, msg_sec_check and media_check_async answer HTTP 503, as WeChat out of reach would.</summary>
    public bool SecurityDown { get; set; }

    /// <summary>One msg_sec_check request as WeChat received it.</summary>
    public sealed record TextCheck(string OpenId, int Scene, string Content);

    /// <summary>One media_check_async request and the trace id answered.</summary>
    public sealed record MediaCheck(string TraceId, string OpenId, int Scene, int MediaType, string MediaUrl);

    private readonly ConcurrentDictionary<string, Task<(int Status, long Bytes)>> _fetches = new();

    /// <summary>What fetching a checked photo's URL gave WeChat (HTTP status, 0 when unreachable; bytes read).</summary>
    public Task<(int Status, long Bytes)> FetchedAsync(string traceId) => _fetches[traceId];

    public IReadOnlyList<TextCheck> TextChecks => [.. _textChecks];

    public IReadOnlyList<MediaCheck> MediaChecks => [.. _mediaChecks];

    partial void MapSecurity(WebApplication app)
    {
        app.MapPost("/wxa/msg_sec_check", AnswerTextCheck);
        app.MapPost("/wxa/media_check_async", AnswerMediaCheck);
    }

    private async Task<IResult> AnswerTextCheck(HttpRequest request)
    {
        if (SecurityDown) return Results.StatusCode(503);
        if (CheckToken(request) is { } refused) return refused;
        var body = await Body(request);
        if (SecurityUnavailable) return Error(-1, "system error");
        if (V2Error(body) is { } error) return error;
        if (!body.TryGetProperty("content", out var c) || c.GetString() is not { Length: > 0 } content)
        {
            return Error(44002, "empty post data");
        }
        _textChecks.Enqueue(new TextCheck(body.GetProperty("openid").GetString()!, body.GetProperty("scene").GetInt32(), content));
        var (suggest, label) = ("pass", "100");
        if (content.Contains(ReviewMarker, StringComparison.Ordinal)) (suggest, label) = ("review", ReviewLabel);
        if (content.Contains(RiskyMarker, StringComparison.Ordinal)) (suggest, label) = ("risky", RiskyLabel);
        var detail = $$"""[{"strategy":"content_model","errcode":0,"suggest":"{{suggest}}","label":{{label}},"prob":90}]""";
        var result = $$"""{"suggest":"{{suggest}}","label":{{label}}}""";
        return Results.Text(
            $$"""{"errcode":0,"errmsg":"ok","trace_id":"{{NewTraceId()}}","result":{{result}},"detail":{{detail}}}""", "application/json");
    }

    private async Task<IResult> AnswerMediaCheck(HttpRequest request)
    {
        Interlocked.Increment(ref _mediaAttempts);
        if (SecurityDown) return Results.StatusCode(503);
        if (CheckToken(request) is { } refused) return refused;
        var body = await Body(request);
        if (SecurityUnavailable) return Error(-1, "system error");
        if (V2Error(body) is { } error) return error;
        if (!body.TryGetProperty("media_url", out var u) || u.GetString() is not { Length: > 0 } url
            || !body.TryGetProperty("media_type", out var t) || !t.TryGetInt32(out var mediaType) || mediaType is not (1 or 2))
        {
            return Error(47001, "data format error");
        }
        var traceId = NewTraceId();
        // WeChat fetches the photo after it answered (the app waits for the answer only): so does this.
        _fetches[traceId] = Task.Run(() => FetchAsync(url));
        _mediaChecks.Enqueue(new MediaCheck(traceId, body.GetProperty("openid").GetString()!, body.GetProperty("scene").GetInt32(),
            mediaType, url));
        return Results.Text($$"""{"errcode":0,"errmsg":"ok","trace_id":"{{traceId}}"}""", "application/json");
    }

    private static async Task<(int Status, long Bytes)> FetchAsync(string url)
    {
        try
        {
            using var fetched = await Fetcher.GetAsync(url);
            return ((int)fetched.StatusCode, fetched.IsSuccessStatusCode ? (await fetched.Content.ReadAsByteArrayAsync()).LongLength : 0);
        }
        catch (HttpRequestException)
        {
            return (0, 0);
        }
    }

    /// <summary>WeChat's answer to a body that is not a v2 request: version 2, scene 1–4 (40129), an open id (40003).</summary>
    private static IResult? V2Error(JsonElement body)
    {
        if (!body.TryGetProperty("version", out var v) || !v.TryGetInt32(out var version) || version != 2)
        {
            return Error(47001, "data format error");
        }
        if (!body.TryGetProperty("scene", out var s) || !s.TryGetInt32(out var scene) || scene is < 1 or > 4)
        {
            return Error(40129, "invalid scene");
        }
        return body.TryGetProperty("openid", out var o) && o.GetString() is { Length: > 0 } ? null : Error(40003, "invalid openid");
    }

    private string NewTraceId()
    {
        var n = Interlocked.Increment(ref _traces);
        return $"{n:x8}-{Random.Shared.Next():x8}-{Random.Shared.Next():x8}";
    }

    /// <summary>WeChat's push signature: SHA-1 of the Token, timestamp and nonce sorted as strings and joined (lowercase hex).</summary>
    public static string Sign(string token, string timestamp, string nonce)
    {
        var parts = new[] { token, timestamp, nonce };
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>
    /// One push as WeChat sends it: POST to the app's push URL with <c>signature</c>, <c>timestamp</c> and <c>nonce</c> in the
    /// query (signed with the right <see cref="PushToken"/> unless a test gives another) and the event as JSON. Sent with
    /// <see cref="SendAsync"/>, as often as a test likes (a replay is the same push sent again).
    /// </summary>
    public sealed record Push(Uri Url, string Body);

    /// <summary>The <c>wxa_media_check</c> event (v2) for a trace id this server answered: its result's suggest and label.</summary>
    public Push MediaCheckPush(Uri appBase, string traceId, string suggest, string label, string? token = null) =>
        new(SignedUrl(appBase, token), MediaCheckEvent(traceId, suggest, label));

    /// <summary>The <c>wxa_media_check</c> event's JSON, as WeChat writes it before it signs (and in secure mode encrypts) it.</summary>
    public string MediaCheckEvent(string traceId, string suggest, string label)
    {
        var openId = _mediaChecks.FirstOrDefault(m => m.TraceId == traceId)?.OpenId ?? "";
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ToUserName"] = "gh_test_app", ["FromUserName"] = openId, ["CreateTime"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["MsgType"] = "event", ["Event"] = "wxa_media_check", ["appid"] = AppId, ["trace_id"] = traceId, ["version"] = 2,
            ["result"] = new { suggest, label },
            ["detail"] = new[] { new { strategy = "content_model", errcode = 0, suggest, label, prob = 90 } },
        });
    }

    /// <summary>The push URL with a fresh timestamp and nonce signed with the token (and an <c>echostr</c> for the URL check).</summary>
    public Uri SignedUrl(Uri appBase, string? token = null, string? echostr = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = $"signature={Sign(token ?? PushToken, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
        if (echostr is not null) query += $"&echostr={Uri.EscapeDataString(echostr)}";
        return new Uri(appBase, $"api/v1/wechat/events?{query}");
    }

    public static async Task<HttpResponseMessage> SendAsync(Push push)
    {
        using var content = new StringContent(push.Body, Encoding.UTF8, "application/json");
        return await Fetcher.PostAsync(push.Url, content);
    }
}
