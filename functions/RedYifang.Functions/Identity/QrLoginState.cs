using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Identity;

/// <summary>
/// The <c>state</c> of a QR login: a random value the console keeps in session storage and compares when WeChat redirects
/// back (its anti-CSRF check). The server cannot know it, so it checks only its form: long enough to be unguessable, and
/// made of characters a URL carries unchanged.
/// </summary>
public static class QrLoginState
{
    public const int MinLength = 16;
    public const int MaxLength = 128;
    public static readonly LocalizedText Malformed = new("须为 16 至 128 位字母、数字、- 或 _", "must be 16 to 128 letters, digits, - or _");

    public static bool IsWellFormed(string? state) =>
        state is { Length: >= MinLength and <= MaxLength } && state.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
