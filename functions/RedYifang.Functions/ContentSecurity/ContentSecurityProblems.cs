using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.ContentSecurity;

public static class ContentSecurityProblems
{
    /// <summary>
    /// WeChat judged a text risky: 422 <c>content_rejected</c>, nothing written. <c>errors</c> names each field WeChat refused
    /// with its label (命中标签, Chinese first), and <c>detail</c> the first.
    /// </summary>
    public static RuleViolationException Rejected(IReadOnlyList<(string Field, string? Label)> refused)
    {
        var first = ContentLabels.Describe(refused[0].Label);
        return new("content_rejected",
            new("内容未通过微信内容安全检测", "The content did not pass WeChat's content security check"),
            new($"微信内容安全检测认为内容涉及：{first.Zh}。请修改后重新提交。",
                $"WeChat's content security check found: {first.En}. Edit it and submit again."),
            refused.GroupBy(r => r.Field, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<LocalizedText>)[.. g.Select(r => ContentLabels.Describe(r.Label))
                    .Select(d => new LocalizedText($"含有违规内容：{d.Zh}", $"flagged by WeChat: {d.En}"))]));
    }
}
