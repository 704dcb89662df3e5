using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RedYifang.Testing;

/// <summary>
/// WeChat's message push in secure mode (安全模式), written from WeChat's side of the mini-program documentation (消息推送) and
/// independent of the app's code: the message becomes <c>random(16) + length(4, big-endian) + message + appid</c>, padded
/// PKCS#7-style to a multiple of 32 bytes, AES-256-CBC encrypted with the EncodingAESKey's 32 bytes (IV: their first 16) and
/// base64-encoded into the body's <c>Encrypt</c>; the query carries <c>signature</c> as in plaintext mode, <c>encrypt_type=aes</c>
/// and <c>msg_signature</c>, the SHA-1 of the Token, timestamp, nonce and <c>Encrypt</c> sorted and joined.
/// </summary>
public sealed partial class FakeWeChat
{
    /// <summary>The EncodingAESKey the app is configured with in secure mode (<c>WeChatPush:EncodingAESKey</c>).</summary>
    public string PushAesKey { get; } = NewEncodingAesKey();

    /// <summary>An EncodingAESKey as the console makes one: 43 letters and digits, at random (so its last one carries spare bits).</summary>
    public static string NewEncodingAesKey() =>
        new(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 43));

    /// <summary>The <c>Encrypt</c> WeChat writes for a message to the given app; <paramref name="random"/> fixed only to repeat a known vector.</summary>
    public static string Encrypt(string encodingAesKey, string message, string appId, byte[]? random = null)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var text = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        var length = 16 + 4 + text.Length + app.Length;
        var pad = 32 - (length % 32);
        var full = new byte[length + pad];
        (random ?? RandomNumberGenerator.GetBytes(16)).CopyTo(full, 0);
        BinaryPrimitives.WriteInt32BigEndian(full.AsSpan(16, 4), text.Length);
        text.CopyTo(full, 20);
        app.CopyTo(full, 20 + text.Length);
        full.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(full, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>WeChat's <c>msg_signature</c>: SHA-1 of the Token, timestamp, nonce and <c>Encrypt</c> sorted as strings and joined.</summary>
    public static string SignMessage(string token, string timestamp, string nonce, string encrypt)
    {
        var parts = new[] { token, timestamp, nonce, encrypt };
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>
    /// A push in secure mode: the message encrypted with <see cref="PushAesKey"/> for <see cref="AppId"/> and signed with
    /// <see cref="PushToken"/>, unless a test gives another key, app id or token.
    /// </summary>
    public Push SecurePush(Uri appBase, string message, string? token = null, string? appId = null, string? aesKey = null)
    {
        var encrypt = Encrypt(aesKey ?? PushAesKey, message, appId ?? AppId);
        return new Push(SecureUrl(appBase, encrypt, token), EncryptedBody(encrypt));
    }

    /// <summary>The body of a secure-mode push in the JSON data format.</summary>
    public static string EncryptedBody(string encrypt) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["ToUserName"] = "gh_test_app", ["Encrypt"] = encrypt });

    /// <summary>The push URL in secure mode for this <c>Encrypt</c>, with a fresh timestamp and nonce.</summary>
    public Uri SecureUrl(Uri appBase, string encrypt, string? token = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"signature={Sign(token ?? PushToken, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}"
            + $"&encrypt_type=aes&msg_signature={SignMessage(token ?? PushToken, timestamp, nonce, encrypt)}";
        return new Uri(appBase, $"api/v1/wechat/events?{query}");
    }
}
