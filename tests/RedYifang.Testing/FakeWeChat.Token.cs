using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RedYifang.Testing;

/// <summary>
/// WeChat's server access token (<c>cgi-bin/stable_token</c>) and a token-checked API to call with it
/// (<c>cgi-bin/openapi/quota/get</c>). It counts every token request, hands out tokens that live
/// <see cref="TokenLifetime"/>, and can expire them all at once (<see cref="ExpireTokens"/>) so the next call with one
/// answers 42001, as WeChat does. A normal request returns the current token until its last five minutes, then a new one
/// (the old one still lives out its time, as WeChat's changeover does); a forced request replaces it at once.
/// </summary>
public sealed partial class FakeWeChat
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly Lock _tokenLock = new();
    private (string Token, DateTimeOffset ExpiresAt)? _current;
    private int _tokenRequests;
    private int _issued;

    /// <summary>How long a token lives (WeChat: 7,200 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Answers the next token request with this errcode once (e.g. -1, 40013).</summary>
    public int? NextTokenError { get; set; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Every token given out so far dies now: calls with one answer 42001.</summary>
    public void ExpireTokens()
    {
        lock (_tokenLock)
        {
            foreach (var token in _tokens.Keys) _tokens[token] = DateTimeOffset.MinValue;
            _current = null;
        }
    }

    /// <summary>
    /// Calls with the current token answer 40001 while a normal token request still hands it out, as when WeChat revoked it
    /// out of band: only a forced renewal gets past it.
    /// </summary>
    public void RefuseCurrentToken()
    {
        lock (_tokenLock)
        {
            if (_current is { } current) _refused[current.Token] = true;
        }
    }

    private readonly ConcurrentDictionary<string, bool> _refused = new();

    /// <summary>Forced token requests so far.</summary>
    public int ForcedTokenRequests => Volatile.Read(ref _forced);

    private int _forced;

    // Parts of the class in other files map their own APIs; a part left out maps nothing.
    partial void MapMessages(WebApplication app);

    partial void MapSecurity(WebApplication app);

    private void MapServerApis(WebApplication app)
    {
        app.MapPost("/cgi-bin/stable_token", AnswerToken);
        app.MapPost("/cgi-bin/openapi/quota/get", async (HttpRequest request) =>
            CheckToken(request) ?? Results.Text(
                $$"""{"errcode":0,"errmsg":"ok","quota":{"daily_limit":10000,"used":1,"remain":9999},"cgi":"{{(await Body(request)).GetProperty("cgi_path").GetString()}}"}""",
                "application/json"));
    }

    private async Task<IResult> AnswerToken(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var body = await Body(request);
        if (body.GetProperty("grant_type").GetString() != "client_credential" || body.GetProperty("appid").GetString() != AppId
            || body.GetProperty("secret").GetString() != AppSecret)
        {
            return Error(40013, "invalid appid");
        }
        if (NextTokenError is { } error)
        {
            NextTokenError = null;
            return Error(error, "scripted");
        }
        var force = body.TryGetProperty("force_refresh", out var f) && f.ValueKind == JsonValueKind.True;
        if (force) Interlocked.Increment(ref _forced);
        string token;
        DateTimeOffset expires;
        lock (_tokenLock)
        {
            if (force || _current is not { } current || current.ExpiresAt - DateTimeOffset.UtcNow <= TimeSpan.FromMinutes(5))
            {
                current = ($"tok-{++_issued}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow + TokenLifetime);
                _current = current;
                _tokens[current.Token] = current.ExpiresAt;
            }
            (token, expires) = current;
        }
        var seconds = (int)Math.Max(1, Math.Round((expires - DateTimeOffset.UtcNow).TotalSeconds));
        return Results.Text($$"""{"access_token":"{{token}}","expires_in":{{seconds}}}""", "application/json");
    }

    /// <summary>The answer WeChat gives to a call without a live token (null: the token is good).</summary>
    public IResult? CheckToken(HttpRequest request)
    {
        var token = request.Query["access_token"].ToString();
        if (!_tokens.TryGetValue(token, out var expires) || _refused.ContainsKey(token))
        {
            return Error(40001, "invalid credential, access_token is invalid");
        }
        return expires <= DateTimeOffset.UtcNow ? Error(42001, "access_token expired") : null;
    }

    private static async Task<JsonElement> Body(HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        return document.RootElement.Clone();
    }
}
