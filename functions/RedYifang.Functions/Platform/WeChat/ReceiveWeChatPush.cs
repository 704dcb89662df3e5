using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// WeChat's message push to this app (消息推送): the server URL check (GET with <c>echostr</c>, answered with it unchanged) and
/// the pushed events (POST, a JSON body in plaintext or compatible mode), each only once its signature is WeChat's
/// (<see cref="WeChatPushSignature"/>; otherwise 403 and nothing is read or changed). A signed event goes to the handler
/// registered for its <c>Event</c>; one nobody handles, or a body that is not a JSON object, is acknowledged and dropped, so
/// WeChat does not send it again.
/// </summary>
public sealed partial class ReceiveWeChatPush(
    IOptions<WeChatPushOptions> options,
    IEnumerable<IWeChatPushHandler> handlers,
    ILogger<ReceiveWeChatPush> logger)
{
    /// <summary>What WeChat expects back from a push it should not send again.</summary>
    public const string Acknowledged = "success";

    private readonly IReadOnlyDictionary<string, IWeChatPushHandler> _handlers =
        handlers.ToDictionary(h => h.Event, StringComparer.Ordinal);

    /// <summary>Throws unless the query carries WeChat's signature for the configured Token.</summary>
    public void Verify(string? signature, string? timestamp, string? nonce)
    {
        var token = options.Value.Token;
        if (!options.Value.IsConfigured) throw WeChatPushProblems.NotConfigured();
        if (!WeChatPushSignature.IsValid(token, signature, timestamp, nonce))
        {
            LogRefused();
            throw WeChatPushProblems.SignatureInvalid();
        }
    }

    public async Task HandleAsync(byte[] body, CancellationToken ct)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(body);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // The console's data format is XML, or the mode is secure (encrypted only): docs/content-security.md says which to set.
            LogNotJson();
            return;
        }
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("Event", out var name) || name.ValueKind != JsonValueKind.String
            || !_handlers.TryGetValue(name.GetString()!, out var handler))
        {
            return;
        }
        await handler.HandleAsync(message, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WeChat push with a wrong signature was refused")]
    private partial void LogRefused();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A signed WeChat push was not JSON (set the push's data format to JSON, plaintext or compatible mode)")]
    private partial void LogNotJson();
}
