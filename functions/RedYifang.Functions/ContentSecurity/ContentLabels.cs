using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>WeChat's labels (命中标签) of msg_sec_check and media_check_async, in Chinese first.</summary>
public static class ContentLabels
{
    private static readonly IReadOnlyDictionary<string, LocalizedText> Names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["100"] = new("正常", "normal"),
        ["10001"] = new("广告", "advertising"),
        ["20001"] = new("时政", "politics"),
        ["20002"] = new("色情", "pornography"),
        ["20003"] = new("辱骂", "abuse"),
        ["20006"] = new("违法犯罪", "illegal activity"),
        ["20008"] = new("欺诈", "fraud"),
        ["20012"] = new("低俗", "vulgarity"),
        ["20013"] = new("版权", "copyright"),
        ["21000"] = new("其他", "other"),
    };

    /// <summary>The label's name; one WeChat adds later reads as "other" with its code.</summary>
    public static LocalizedText Name(string? label) =>
        label is not null && Names.TryGetValue(label, out var name) ? name : new("其他", "other");

    /// <summary>"时政（20001）" / "politics (20001)".</summary>
    public static LocalizedText Describe(string? label)
    {
        var name = Name(label);
        return label is null ? name : new($"{name.Zh}（{label}）", $"{name.En} ({label})");
    }
}
