using System.Text.RegularExpressions;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// No phone number leaves in a message (issue 17): residents write theirs into titles and reasons ("请联系13812345678",
/// "0431-8888 6666"). Any run of seven or more digits — ASCII or full-width, with spaces, dots or dashes between them, after
/// an optional +86 — is masked; years, house numbers and times (at most four digits in a row) are left alone.
/// </summary>
public static partial class PhoneNumbers
{
    public const string Mask = "***";

    public static string Scrub(string text) => PhoneLike().Replace(text, Mask);

    public static bool Contains(string text) => PhoneLike().IsMatch(text);

    // \d is any Unicode decimal digit here (full-width ０–９ too).
    [GeneratedRegex(@"(?:[+＋]86[\s\-－]?)?\d(?:[\s\-－—.·]?\d){6,}")]
    private static partial Regex PhoneLike();
}
