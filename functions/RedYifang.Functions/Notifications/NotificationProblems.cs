using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Notifications;

/// <summary>The problems only notifications raise.</summary>
public static class NotificationProblems
{
    public static RuleViolationException UnknownTemplate() =>
        new("unknown_template",
            new("没有这个订阅消息模板", "There is no such message template"),
            new LocalizedText("模板须为以下之一：{0}。", "The template must be one of: {0}.").Format(string.Join(", ", TemplateKeys.All)),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["templateKey"] = [new LocalizedText("取值必须是以下之一：{0}", "must be one of: {0}").Format(string.Join(", ", TemplateKeys.All))],
            });
}
