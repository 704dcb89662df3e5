using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// Calls one of WeChat's server APIs with the shared access token (<see cref="WeChatAccessTokens"/>). A refused token
/// (40001 invalid, 42001 expired, 40014 not a token) is renewed once and the call made once more; every other answer,
/// errors included, goes back to the caller, which alone knows what an error means for it (a message not sent, a text
/// held for review). WeChat out of reach → <see cref="WeChatServerProblems.Unavailable"/>.
/// </summary>
public sealed partial class WeChatServer(
    WeChatAccessTokens tokens,
    IHttpClientFactory httpClients,
    IOptions<WeChatOptions> options,
    ILogger<WeChatServer> logger)
{
    private readonly WeChatOptions _options = options.Value;

    // WeChat's field names are snake_case and Chinese text is sent as itself: names are written as the caller spells them.
    private static readonly JsonSerializerOptions Exact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool IsConfigured => _options.IsConfigured;

    /// <param name="api">The API's path under the base URL, e.g. <c>wxa/msg_sec_check</c>.</param>
    public async Task<WeChatReply> PostAsync(string api, object body, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        var reply = await CallAsync(api, token, body, ct);
        if (reply.ErrCode is not (40001 or 42001 or 40014)) return reply;
        LogTokenRefused(api, reply.ErrCode);
        token = await tokens.RenewAsync(token, ct);
        return await CallAsync(api, token, body, ct);
    }

    private async Task<WeChatReply> CallAsync(string api, string token, object body, CancellationToken ct)
    {
        var http = httpClients.CreateClient(WeChatAccessTokens.HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            var uri = new Uri(_options.ApiBaseUrl, $"{api}?access_token={Uri.EscapeDataString(token)}");
            using var response = await http.PostAsJsonAsync(uri, body, Exact, timeout.Token);
            if ((int)response.StatusCode >= 500) throw new HttpRequestException($"WeChat answered {(int)response.StatusCode}");
            // WeChat may send JSON as text/plain: the body is parsed whatever its content type says.
            return WeChatReply.Parse(await response.Content.ReadAsByteArrayAsync(timeout.Token));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogUnreachable(api, e.GetType().Name);
            throw WeChatServerProblems.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} refused the access token ({ErrCode}); renewing it once")]
    private partial void LogTokenRefused(string api, int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} unreachable ({Failure})")]
    private partial void LogUnreachable(string api, string failure);
}
