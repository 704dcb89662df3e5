using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// How WeChat signs a message push and the server URL check (消息推送): the lowercase hex SHA-1 of the parts sorted as strings
/// (字典序, ordinal) and joined.
/// <list type="bullet">
/// <item><c>signature</c> (the URL check in every mode, a push in plaintext or compatible mode): the Token, <c>timestamp</c> and
/// <c>nonce</c>. It covers neither the body nor the URL, so a push is trusted for who sent it, and what it says is checked
/// against what this app asked WeChat (ContentSecurity/MediaCheckStore.cs).</item>
/// <item><c>msg_signature</c> (a push in secure mode): the Token, <c>timestamp</c>, <c>nonce</c> and the body's <c>Encrypt</c>,
/// so it covers the message too (<see cref="WeChatPushCipher"/>).</item>
/// </list>
/// </summary>
public static class WeChatPushSignature
{
    public static string Compute(string token, string timestamp, string nonce) => Sha1OfSorted([token, timestamp, nonce]);

    public static string ComputeMessage(string token, string timestamp, string nonce, string encrypt) =>
        Sha1OfSorted([token, timestamp, nonce, encrypt]);

    /// <summary>The signature is WeChat's for this token; compared in constant time, so timing tells nothing of the right one.</summary>
    public static bool IsValid(string token, string? signature, string? timestamp, string? nonce) =>
        Present(token, signature, timestamp, nonce) && SameHex(Compute(token, timestamp!, nonce!), signature!);

    /// <summary><c>msg_signature</c> is WeChat's for this token and this <c>Encrypt</c> (constant time, as <see cref="IsValid"/>).</summary>
    public static bool IsValidMessage(string token, string? msgSignature, string? timestamp, string? nonce, string? encrypt) =>
        Present(token, msgSignature, timestamp, nonce, encrypt)
        && SameHex(ComputeMessage(token, timestamp!, nonce!, encrypt!), msgSignature!);

    private static bool Present(params string?[] parts) => parts.All(p => !string.IsNullOrEmpty(p));

    private static bool SameHex(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static string Sha1OfSorted(string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }
}
