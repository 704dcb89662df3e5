using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// The body of a push in secure mode (消息推送, 安全模式): <c>Encrypt</c> is the base64 of AES-256-CBC over
/// <c>random(16) + length(4, big-endian) + message + appid</c>, padded PKCS#7-style to a multiple of 32 bytes (WeChat pads to the
/// key's length, not the cipher's 16-byte block, so the padding is checked here and not by <see cref="PaddingMode.PKCS7"/>).
/// The key is the EncodingAESKey with "=" appended, base64-decoded (32 bytes); the IV is the key's first 16 bytes.
/// Only decryption is needed: WeChat takes "success" unencrypted as the answer to an event. Callers check
/// <c>msg_signature</c> (<see cref="WeChatPushSignature.IsValidMessage"/>) first, so only WeChat's own ciphertexts are ever
/// decrypted and the padding check cannot serve as an oracle.
/// </summary>
public sealed class WeChatPushCipher
{
    /// <summary>The EncodingAESKey's length in the console: 43 letters and digits.</summary>
    public const int EncodingKeyLength = 43;

    private const int KeyBytes = 32;
    private const int RandomBytes = 16;
    private const int LengthBytes = 4;
    private const int PaddingBlock = 32;

    private readonly byte[] _key;

    public WeChatPushCipher(string encodingAesKey) =>
        _key = ParseKey(encodingAesKey)
            ?? throw new ArgumentException("Not an EncodingAESKey (43 letters and digits)", nameof(encodingAesKey));

    /// <summary>Why a ciphertext was refused (logged; never the key, never the text).</summary>
    public enum Failure
    {
        None,
        NotBase64,
        NotWholeBlocks,
        BadPadding,
        BadLength,
        WrongAppId,
    }

    /// <summary>The 32-byte AES key an EncodingAESKey stands for, or null when it is not one (length, characters).</summary>
    public static byte[]? ParseKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: EncodingKeyLength } || !encodingAesKey.All(char.IsAsciiLetterOrDigit)) return null;
        var key = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == KeyBytes ? key[..KeyBytes] : null;
    }

    /// <summary>The message inside <paramref name="encrypt"/> when it decrypts, is well formed and was sealed for <paramref name="appId"/>.</summary>
    public Failure Decrypt(string encrypt, string appId, out byte[] message)
    {
        message = [];
        var cipherText = new byte[(encrypt.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encrypt, cipherText, out var written)) return Failure.NotBase64;
        if (written == 0 || written % 16 != 0) return Failure.NotWholeBlocks;

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipherText.AsSpan(0, written), _key.AsSpan(0, 16), PaddingMode.None);

        var pad = plain[^1];
        if (pad is < 1 or > PaddingBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).IndexOfAnyExcept(pad) >= 0)
        {
            return Failure.BadPadding;
        }
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomBytes + LengthBytes) return Failure.BadLength;
        var length = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(RandomBytes, LengthBytes));
        var rest = content[(RandomBytes + LengthBytes)..];
        if (length > (uint)rest.Length) return Failure.BadLength;

        // The appid is public (it is in the mini-program's every request), so an ordinary comparison gives nothing away.
        if (!rest[(int)length..].SequenceEqual(Encoding.UTF8.GetBytes(appId)) || appId.Length == 0) return Failure.WrongAppId;
        message = rest[..(int)length].ToArray();
        return Failure.None;
    }
}
