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
    WeChatHttp http,
    IOptions<WeChatOptions> options,
    ILogger<WeChatServer> logger)
{
    private readonly WeChatOptions _options = options.Value;

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

    private Task<WeChatReply> CallAsync(string api, string token, object body, CancellationToken ct) =>
        http.PostAsync(api, $"access_token={Uri.EscapeDataString(token)}", body, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} refused the access token ({ErrCode}); renewing it once")]
    private partial void LogTokenRefused(string api, int errCode);
}
