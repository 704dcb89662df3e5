using System.Globalization;
using System.Text;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// WeChat's limits on a subscription message's values by keyword type (订阅消息参数值内容限制), enforced before sending: a value
/// over them is refused by WeChat (47003) and the message lost. <c>thing</c>: at most 20 characters, cut to 19 and "…";
/// <c>phrase</c>: at most 5 Chinese characters and nothing else; <c>character_string</c>: at most 32 digits, letters or
/// symbols; <c>time</c>: 24-hour time with its date ("2026年5月20日 12:00"); <c>date</c>: "2026年5月20日". Every text is
/// scrubbed of phone numbers first (<see cref="PhoneNumbers"/>).
/// </summary>
public static class WeChatValues
{
    public const int ThingMax = 20;
    public const int PhraseMax = 5;
    public const int CharacterStringMax = 32;
    public const string Ellipsis = "…";

    /// <summary>The text as a value of <paramref name="type"/>, or null when nothing of it can be sent as one.</summary>
    public static string? Fit(string type, string text)
    {
        var clean = Collapse(PhoneNumbers.Scrub(text));
        return type switch
        {
            "thing" => Cut(clean.Length == 0 ? "无" : clean, ThingMax, Ellipsis),
            "phrase" => Only(clean, IsChinese, PhraseMax),
            "character_string" => Only(clean, c => c is > ' ' and <= '~', CharacterStringMax),
            _ => null,
        };
    }

    /// <summary>An instant as a <c>time</c> value, China time.</summary>
    public static string Time(DateTimeOffset at) => ChinaTime.Of(at).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as a <c>date</c> value, China time.</summary>
    public static string Date(DateTimeOffset at) => ChinaTime.Of(at).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The CJK unified ideographs: what WeChat counts as 汉字 in a phrase.</summary>
    public static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>At most <paramref name="max"/> characters (a surrogate pair is one), the last replaced by the ellipsis when cut.</summary>
    public static string Cut(string text, int max, string ellipsis = "")
    {
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= max) return text;
        var kept = new StringBuilder();
        foreach (var rune in runes.Take(max - ellipsis.EnumerateRunes().Count())) kept.Append(rune.ToString());
        return kept.Append(ellipsis).ToString();
    }

    private static string? Only(string text, Func<char, bool> allowed, int max)
    {
        var kept = new string([.. text.Where(allowed)]);
        if (kept.Length == 0) return null;
        return kept.Length <= max ? kept : kept[..max];
    }

    // Line breaks and runs of white space become one space (a message line is one line); other control characters go.
    private static string Collapse(string text) =>
        string.Join(' ', new string([.. text.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c))])
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
