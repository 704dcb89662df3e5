using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>The query of a push (消息推送) as WeChat sends it; the secure-mode parts are null in plaintext mode.</summary>
public sealed record WeChatPushQuery(string? Signature, string? Timestamp, string? Nonce, string? EncryptType, string? MsgSignature);

/// <summary>
/// WeChat's message push to this app (消息推送): the server URL check (GET with <c>echostr</c>, answered with it unchanged; signed
/// with <c>signature</c> in every mode) and the pushed events (POST, a JSON body), each only once it is WeChat's, otherwise 403
/// and nothing handled:
/// <list type="bullet">
/// <item>plaintext or compatible mode (no <see cref="WeChatPushOptions.EncodingAESKey"/>): <c>signature</c> over the Token,
/// timestamp and nonce (<see cref="WeChatPushSignature"/>), checked before the body is read;</item>
/// <item>secure mode (the key set): <c>encrypt_type=aes</c>, <c>msg_signature</c> over the body's <c>Encrypt</c> too, checked
/// before anything is decrypted, and the message inside sealed for <see cref="WeChatOptions.AppId"/>
/// (<see cref="WeChatPushCipher"/>); anything unencrypted is refused, since <c>signature</c> does not cover the body and would
/// let whoever holds one captured query send any body under it.</item>
/// </list>
/// A trusted event goes to the handler registered for its <c>Event</c>; one nobody handles, or a body that is not a JSON object,
/// is acknowledged and dropped, so WeChat does not send it again.
/// </summary>
public sealed partial class ReceiveWeChatPush(
    IOptions<WeChatPushOptions> options,
    IOptions<WeChatOptions> weChat,
    IEnumerable<IWeChatPushHandler> handlers,
    ILogger<ReceiveWeChatPush> logger)
{
    /// <summary>What WeChat expects back from a push it should not send again (unencrypted in every mode).</summary>
    public const string Acknowledged = "success";

    private readonly IReadOnlyDictionary<string, IWeChatPushHandler> _handlers =
        handlers.ToDictionary(h => h.Event, StringComparer.Ordinal);

    private readonly WeChatPushCipher? _cipher = options.Value.IsSecure ? new WeChatPushCipher(options.Value.EncodingAESKey) : null;

    /// <summary>Throws unless the query carries WeChat's <c>signature</c> for the configured Token (the URL check, plaintext pushes).</summary>
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

    /// <summary>One pushed event: verified as the configured mode says, then handled. The body is read only once the query passed.</summary>
    public async Task ReceiveAsync(WeChatPushQuery query, Func<Task<byte[]>> readBody, CancellationToken ct)
    {
        if (_cipher is null)
        {
            Verify(query.Signature, query.Timestamp, query.Nonce);
            await HandleAsync(await readBody(), ct);
            return;
        }
        if (!options.Value.IsConfigured) throw WeChatPushProblems.NotConfigured();
        if (!string.Equals(query.EncryptType, "aes", StringComparison.Ordinal))
        {
            LogNotEncrypted();
            throw WeChatPushProblems.EncryptionRequired();
        }
        if (string.IsNullOrEmpty(query.MsgSignature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            LogRefused();
            throw WeChatPushProblems.SignatureInvalid();
        }
        var encrypt = EncryptOf(await readBody());
        if (!WeChatPushSignature.IsValidMessage(options.Value.Token, query.MsgSignature, query.Timestamp, query.Nonce, encrypt))
        {
            if (encrypt is null) LogNoEncrypt();
            LogRefused();
            throw WeChatPushProblems.SignatureInvalid();
        }
        var failure = _cipher.Decrypt(encrypt!, weChat.Value.AppId, out var message);
        if (failure != WeChatPushCipher.Failure.None)
        {
            LogUndecryptable(failure);
            throw WeChatPushProblems.DecryptionFailed();
        }
        await HandleAsync(message, ct);
    }

    /// <summary>The body's <c>Encrypt</c> (secure mode, JSON data format), or null when it has none.</summary>
    private static string? EncryptOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Encrypt", out var encrypt) && encrypt.ValueKind == JsonValueKind.String
                ? encrypt.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task HandleAsync(byte[] body, CancellationToken ct)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(body);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // The console's data format is XML: docs/content-security.md says which to set.
            LogNotJson();
            return;
        }
        if (message.ValueKind != JsonValueKind.Object) return;
        if (_cipher is null && !message.TryGetProperty("Event", out _) && message.TryGetProperty("Encrypt", out _))
        {
            // Secure mode in the console, none here: the event is unreadable, so WeChat is told to try again, not that it arrived.
            LogEncryptedWithoutKey();
            throw WeChatPushProblems.KeyNotConfigured();
        }
        if (!message.TryGetProperty("Event", out var name) || name.ValueKind != JsonValueKind.String
            || !_handlers.TryGetValue(name.GetString()!, out var handler))
        {
            return;
        }
        await handler.HandleAsync(message, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WeChat push with a wrong signature was refused")]
    private partial void LogRefused();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A WeChat push was not encrypted while WeChatPush:EncodingAESKey is set (secure mode): refused")]
    private partial void LogNotEncrypted();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A secure-mode WeChat push had no Encrypt in a JSON body (set the push's data format to JSON)")]
    private partial void LogNoEncrypt();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A signed secure-mode WeChat push did not decrypt ({Failure}): check WeChatPush:EncodingAESKey and WeChat:AppId")]
    private partial void LogUndecryptable(WeChatPushCipher.Failure failure);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A signed WeChat push was not JSON (set the push's data format to JSON)")]
    private partial void LogNotJson();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A WeChat push came encrypted only (secure mode) and WeChatPush:EncodingAESKey is not set: answered 503")]
    private partial void LogEncryptedWithoutKey();
}
