using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// How WeChat signs a message push and the server URL check (消息推送, 明文模式): <c>signature</c> is the lowercase hex SHA-1
/// of the Token, <c>timestamp</c> and <c>nonce</c> sorted as strings (字典序, ordinal) and joined. It covers neither the body
/// nor the URL, so a push is trusted for who sent it, and what it says is checked against what this app asked WeChat
/// (ContentSecurity/MediaCheckStore.cs).
/// </summary>
public static class WeChatPushSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>The signature is WeChat's for this token; compared in constant time, so timing tells nothing of the right one.</summary>
    public static bool IsValid(string token, string? signature, string? timestamp, string? nonce)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp)
            || string.IsNullOrEmpty(nonce))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
