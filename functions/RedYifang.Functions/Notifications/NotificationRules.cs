namespace RedYifang.Functions.Notifications;

/// <summary>
/// THE NOTIFICATION TABLE (docs/notifications.md): for each kind of order transition, who is told, with which template, and
/// what the message's state (a phrase of at most five Chinese characters) and note say. The reason a transition carries
/// (rejected, cancelled, reopened, declined) replaces the note. Whoever did it is never told of their own act: an owner who
/// cancels is not told, an admin who cancels tells the owner; the admin who files an order on a resident's behalf is neither
/// its owner nor told of its submission.
/// </summary>
public static class NotificationRules
{
    public sealed record Rule(NotificationKind Kind, Audience Audience, string TemplateKey, string State, string Note);

    /// <summary>Who is told of an event, and with which template.</summary>
    public sealed record Recipient(string UserId, Audience Audience, string TemplateKey);

    public static readonly IReadOnlyList<Rule> Table =
    [
        new(NotificationKind.Submitted, Audience.CommunityAdmins, TemplateKeys.OrderReview, "待审核", "居民提交了服务需求，请审核"),
        new(NotificationKind.Claimed, Audience.CommunityAdmins, TemplateKeys.OrderReview, "待确认", "有单位认领订单，请确认"),
        new(NotificationKind.Published, Audience.Owner, TemplateKeys.OrderStatus, "已发布", "已发布，等待服务单位承接"),
        new(NotificationKind.Rejected, Audience.Owner, TemplateKeys.OrderStatus, "未通过", "社区审核未通过"),
        new(NotificationKind.Matched, Audience.Owner, TemplateKeys.OrderStatus, "已匹配", "已匹配服务单位，请留意联系"),
        new(NotificationKind.Matched, Audience.UnitLiaisons, TemplateKeys.UnitTask, "已派单", "社区将订单派给本单位，请确认"),
        new(NotificationKind.ClaimApproved, Audience.Owner, TemplateKeys.OrderStatus, "已匹配", "已匹配服务单位，请留意联系"),
        new(NotificationKind.ClaimApproved, Audience.UnitLiaisons, TemplateKeys.UnitTask, "认领通过", "社区同意本单位的认领，请确认"),
        new(NotificationKind.Started, Audience.Owner, TemplateKeys.OrderStatus, "服务中", "服务单位已开始服务"),
        new(NotificationKind.Completed, Audience.Owner, TemplateKeys.OrderStatus, "已完成", "服务已完成，待社区验收"),
        new(NotificationKind.Accepted, Audience.Owner, TemplateKeys.OrderStatus, "已验收", "社区已验收，欢迎评价"),
        new(NotificationKind.Expired, Audience.Owner, TemplateKeys.OrderStatus, "已过期", "长期无单位承接，订单已过期"),
        new(NotificationKind.Cancelled, Audience.Owner, TemplateKeys.OrderStatus, "已取消", "社区取消了订单"),
        new(NotificationKind.Reopened, Audience.UnitLiaisons, TemplateKeys.UnitTask, "需返工", "验收未通过，请继续服务"),
        new(NotificationKind.Declined, Audience.UnitLiaisons, TemplateKeys.UnitTask, "已退回", "本单位退回了订单"),
    ];

    /// <summary>The audiences an event kind concerns, in the table's order.</summary>
    public static IReadOnlyList<Audience> AudiencesOf(NotificationKind kind) =>
        [.. Table.Where(r => r.Kind == kind).Select(r => r.Audience).Distinct()];

    public static Rule RuleFor(NotificationKind kind, Audience audience) =>
        Table.First(r => r.Kind == kind && r.Audience == audience);

    /// <summary>
    /// Whom to tell of <paramref name="e"/>: the owner named by the event (none for a represented resident), and the members of
    /// the other audiences <paramref name="members"/> finds; each user once (the first rule that names them), never the actor.
    /// </summary>
    public static IReadOnlyList<Recipient> Recipients(NotificationEvent e, Func<Audience, IReadOnlyList<string>> members)
    {
        var told = new HashSet<string>(StringComparer.Ordinal) { e.Actor };
        var recipients = new List<Recipient>();
        foreach (var rule in Table.Where(r => r.Kind == e.Kind))
        {
            var users = rule.Audience == Audience.Owner ? OwnerOf(e) : members(rule.Audience);
            recipients.AddRange(users.Where(told.Add).Select(u => new Recipient(u, rule.Audience, rule.TemplateKey)));
        }
        return recipients;
    }

    // A represented resident without an account has no owner id: nobody is told as the owner.
    private static IReadOnlyList<string> OwnerOf(NotificationEvent e) => e.OwnerId is { } owner ? [owner] : [];

    /// <summary>The note of a message: the transition's reason when it has one, else the table's.</summary>
    public static string NoteOf(NotificationEvent e, Rule rule) => string.IsNullOrWhiteSpace(e.Reason) ? rule.Note : e.Reason.Trim();
}
