using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// Identifiers and table keys. Azure rejects '/', '\', '#', '?' and control characters in keys (Azurite
/// answers 500 for some), so every identifier that reaches a key is checked here first.
/// </summary>
public static partial class Keys
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// A new time-ordered identifier: prefix, 10 characters of millisecond time, 16 random. Inside an idempotent request's operation
    /// the time is its claim's and the random part derived from it (<see cref="SeededIds"/>).
    /// </summary>
    public static string NewId(string prefix, TimeProvider? clock = null) => $"{prefix}_{TimeOrdered(prefix, clock)}";

    /// <summary>
    /// A new identifier that carries the id of the partition it lives in (e.g. an order's community), so a
    /// point read needs nothing but the id: <c>ord_{community id without prefix}-{time-ordered part}</c>.
    /// </summary>
    public static string NewChildId(string prefix, string parentId, TimeProvider? clock = null) =>
        $"{prefix}_{parentId[(parentId.IndexOf('_') + 1)..]}-{TimeOrdered($"{prefix}|{parentId}", clock)}";

    private static string TimeOrdered(string purpose, TimeProvider? clock)
    {
        var seeded = SeededIds.Current;
        var now = (seeded?.Since ?? (clock ?? TimeProvider.System).GetUtcNow()).ToUnixTimeMilliseconds();
        Span<char> chars = stackalloc char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(now & 31)];
            now >>= 5;
        }
        Span<byte> random = stackalloc byte[16];
        if (seeded is null) RandomNumberGenerator.Fill(random);
        else seeded.Fill(purpose, random);
        for (var i = 0; i < 16; i++) chars[10 + i] = Crockford[random[i] & 31];
        return new string(chars);
    }

    /// <summary>The parent id a <see cref="NewChildId"/> carries, or null when the id is not one.</summary>
    public static string? ParentOf(string? childId, string parentPrefix)
    {
        if (!IsWellFormedId(childId)) return null;
        var start = childId!.IndexOf('_') + 1;
        var end = childId.LastIndexOf('-');
        return end > start ? $"{parentPrefix}_{childId[start..end]}" : null;
    }

    /// <summary>A stable identifier derived from an external one (never reversible to it).</summary>
    public static string StableId(string prefix, string source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        var chars = new char[26];
        for (var i = 0; i < chars.Length; i++) chars[i] = Crockford[hash[i] & 31];
        return $"{prefix}_{new string(chars)}";
    }

    /// <summary>True for identifiers this system could have issued (safe to use as a key).</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z]{2,5}_[0-9a-zA-Z-]{1,60}\\z")]
    private static partial Regex IdPattern();

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));
}
