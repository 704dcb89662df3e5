using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.Identity.WeChat;

/// <summary>
/// Calls WeChat's <c>auth.code2Session</c> (mini-program) and the open platform's <c>sns/oauth2/access_token</c> (website
/// QR login); both answer with an open id and maybe a union id. Transient failures are retried a bounded number of times
/// with a per-attempt timeout (Polly); WeChat's error codes become clear answers.
/// </summary>
public sealed partial class WeChatClient
{
    private readonly HttpClient _http;
    private readonly WeChatOptions _options;
    private readonly ILogger<WeChatClient> _logger;
    private readonly ResiliencePipeline<Code2SessionReply> _resilience;

    private readonly WeChatWebOptions _web;

    public WeChatClient(HttpClient http, IOptions<WeChatOptions> options, IOptions<WeChatWebOptions> web, ILogger<WeChatClient> logger)
    {
        _http = http;
        _options = options.Value;
        _web = web.Value;
        _logger = logger;
        _resilience = new ResiliencePipelineBuilder<Code2SessionReply>()
            .AddRetry(new RetryStrategyOptions<Code2SessionReply>
            {
                MaxRetryAttempts = Math.Max(_options.MaxRetries, 0),
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<Code2SessionReply>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.ErrCode == SystemBusy),
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    private const int SystemBusy = -1;
    private const string WebApi = "oauth2/access_token";

    public async Task<WeChatSession> Code2SessionAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_options.AppId) || string.IsNullOrEmpty(_options.AppSecret))
        {
            throw WeChatProblems.NotConfigured();
        }
        return await ExchangeAsync("code2Session", "sns/jscode2session" +
            $"?appid={Uri.EscapeDataString(_options.AppId)}&secret={Uri.EscapeDataString(_options.AppSecret)}" +
            $"&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code", ct);
    }

    /// <summary>Website QR login: the code WeChat redirected the console back with becomes the web app's open id.</summary>
    public async Task<WeChatSession> WebAccessTokenAsync(string code, CancellationToken ct)
    {
        if (!_web.IsConfigured) throw WeChatProblems.NotConfigured();
        // The access token in the reply is not kept: the console signs in once and never calls WeChat for the user.
        return await ExchangeAsync(WebApi, "sns/oauth2/access_token" +
            $"?appid={Uri.EscapeDataString(_web.AppId)}&secret={Uri.EscapeDataString(_web.AppSecret)}" +
            $"&code={Uri.EscapeDataString(code)}&grant_type=authorization_code", ct);
    }

    private async Task<WeChatSession> ExchangeAsync(string api, string pathAndQuery, CancellationToken ct)
    {
        var uri = new Uri(_options.ApiBaseUrl, pathAndQuery);
        Code2SessionReply reply;
        try
        {
            reply = await _resilience.ExecuteAsync(token => CallAsync(uri, token), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or JsonException)
        {
            LogUnreachable(api, e.GetType().Name);
            throw WeChatProblems.Unavailable();
        }
        return reply switch
        {
            { ErrCode: 0 or null, OpenId: { Length: > 0 } openId } => new WeChatSession(openId, reply.UnionId),
            { ErrCode: 0 or null } => throw WeChatProblems.UnexpectedReply(),
            _ => throw MapError(api, reply.ErrCode.Value),
        };
    }

    private async ValueTask<Code2SessionReply> CallAsync(Uri uri, CancellationToken ct)
    {
        using var response = await _http.GetAsync(uri, ct);
        if ((int)response.StatusCode >= 500) throw new HttpRequestException($"WeChat answered {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode) return new Code2SessionReply { ErrCode = (int)response.StatusCode };
        // WeChat may send JSON as text/plain: parse the body whatever its content type says.
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return JsonSerializer.Deserialize<Code2SessionReply>(body) ?? throw new JsonException("empty reply");
    }

    private DomainException MapError(string api, int errCode)
    {
        LogRefused(api, errCode);
        return errCode switch
        {
            SystemBusy => WeChatProblems.Busy(),
            40029 or 40163 when api == WebApi => WeChatProblems.InvalidWebCode(),
            40029 or 40163 => WeChatProblems.InvalidCode(),
            45011 => WeChatProblems.RateLimited(),
            40226 => WeChatProblems.UserBlocked(),
            _ => WeChatProblems.UnexpectedReply(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} refused with errcode {ErrCode}")]
    private partial void LogRefused(string api, int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} unreachable after retries ({Failure})")]
    private partial void LogUnreachable(string api, string failure);

    public sealed class Code2SessionReply
    {
        [JsonPropertyName("openid")] public string? OpenId { get; set; }
        [JsonPropertyName("unionid")] public string? UnionId { get; set; }
        [JsonPropertyName("errcode")] public int? ErrCode { get; set; }
        // session_key and access_token are not bound: it never leaves WeChat's reply.
    }
}
