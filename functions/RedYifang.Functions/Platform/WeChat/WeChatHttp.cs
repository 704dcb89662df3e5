using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// One POST of JSON to a WeChat server API, the transport both the access token (<see cref="WeChatAccessTokens"/>) and the
/// calls made with it (<see cref="WeChatServer"/>) go through: a per-attempt timeout, HTTP 5xx, a broken connection or a body
/// that is not JSON → <see cref="WeChatServerProblems.Unavailable"/>; any JSON answer, errors included, to the caller.
/// </summary>
public sealed partial class WeChatHttp(IHttpClientFactory httpClients, IOptions<WeChatOptions> options, ILogger<WeChatHttp> logger)
{
    public const string HttpClientName = "wechat-server";

    // WeChat's field names are snake_case and Chinese text is sent as itself: names are written as the caller spells them.
    private static readonly JsonSerializerOptions Exact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly WeChatOptions _options = options.Value;

    /// <param name="api">The API's path under the base URL, e.g. <c>wxa/msg_sec_check</c>: named in the log, never the query.</param>
    /// <param name="query">The query string without its <c>?</c>, or empty.</param>
    public async Task<WeChatReply> PostAsync(string api, string query, object body, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            var uri = new Uri(_options.ApiBaseUrl, query.Length == 0 ? api : $"{api}?{query}");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Api} unreachable ({Failure})")]
    private partial void LogUnreachable(string api, string failure);
}
