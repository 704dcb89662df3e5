using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// The message push URL entered in the mini-program's console (开发管理 → 消息推送): WeChat's URL check and its pushed events.
/// Anonymous (WeChat has no bearer token); the signature in the query stands in for it.
/// </summary>
internal sealed class WeChatPushFunction(ReceiveWeChatPush push)
{
    private const string PlainText = "text/plain; charset=utf-8";

    [Function("WeChatPushCheck"), Anonymous]
    public IActionResult Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/wechat/events")] HttpRequest req)
    {
        push.Verify(Query(req, "signature"), Query(req, "timestamp"), Query(req, "nonce"));
        return Text(Query(req, "echostr") ?? "");
    }

    [Function("WeChatPush"), Anonymous]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/wechat/events")] HttpRequest req)
    {
        // The query is checked before the body is read: an unsigned request costs no more than its query.
        var query = new WeChatPushQuery(Query(req, "signature"), Query(req, "timestamp"), Query(req, "nonce"), Query(req, "encrypt_type"),
            Query(req, "msg_signature"));
        await push.ReceiveAsync(query, req.ReadBytesAsync, req.HttpContext.RequestAborted);
        return Text(ReceiveWeChatPush.Acknowledged);
    }

    /// <summary>Plain text, never sniffed as anything else (the echo is the caller's own string).</summary>
    private static ApiResult Text(string body) =>
        new(200, new Dictionary<string, string> { ["X-Content-Type-Options"] = "nosniff" }, Encoding.UTF8.GetBytes(body), PlainText);

    /// <summary>A query parameter's value; a repeated one comes through joined, and so fails the signature.</summary>
    private static string? Query(HttpRequest req, string name) => req.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
