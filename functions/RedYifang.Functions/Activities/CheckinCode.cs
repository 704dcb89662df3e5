using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The check-in code the organiser shows (a QR code of it is what the mini-program scans): RFC 6238 TOTP — HMAC-SHA1 of
/// the 30-second time step since the Unix epoch under the activity's own secret, dynamically truncated to six digits
/// (RFC 4226 §5.3). A code is accepted in its own step and the next one (a code scanned just before it changes still
/// works), never longer, so a photo of it passed around stops working within a minute.
/// </summary>
public static class CheckinCode
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    public const int SecretBytes = 20;

    /// <summary>A new random per-activity secret (160 bits, as RFC 4226 recommends), base64.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The time step an instant falls in.</summary>
    public static long StepOf(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), StepSeconds, out var r) - (r < 0 ? 1 : 0);

    /// <summary>When the step's code stops being the one shown (the next step begins).</summary>
    public static DateTimeOffset EndOf(long step) => DateTimeOffset.FromUnixTimeSeconds((step + 1) * StepSeconds);

    /// <summary>The code of a step: <paramref name="digits"/> decimal digits, zero-padded.</summary>
    public static string Of(byte[] secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, mac);
        var offset = mac[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The code shown at <paramref name="now"/>.</summary>
    public static string At(string secret, DateTimeOffset now) => Of(Convert.FromBase64String(secret), StepOf(now));

    /// <summary>
    /// True when <paramref name="code"/> is the code of the current step or of the one before it (compared in fixed time).
    /// </summary>
    public static bool Accepts(string secret, string? code, DateTimeOffset now)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit)) return false;
        var key = Convert.FromBase64String(secret);
        var step = StepOf(now);
        var given = Encoding.ASCII.GetBytes(code);
        // Both computed before either is looked at, so the time taken says nothing about which one matched.
        var current = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Of(key, step)));
        var previous = CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Of(key, step - 1)));
        return current || previous;
    }
}
