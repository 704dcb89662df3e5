using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// What a notification says, made from the event, the recipient's rule (NotificationRules.Table) and the template's field
/// mapping: the WeChat values, each fitted to its keyword's type (WeChatValues, phone numbers masked), the page it opens and a
/// one-line summary for the inbox (masked the same way). A title or reason content security holds is what the recipient may
/// read of it when the event happened (NotificationEvent.SeenBy): the real text for the owner and the community's admins, the
/// stand-in for a unit's liaisons, in the WeChat message and in the inbox alike.
/// </summary>
public static class NotificationMessages
{
    private const int SummaryMax = 120;

    public static StoredNotification Draft(NotificationEvent told, NotificationRules.Recipient r, MessageTemplate template)
    {
        // Everything below reads the event as this recipient may: a held title or reason is its stand-in to a unit's liaison.
        var e = told.SeenBy(r.Audience);
        var rule = NotificationRules.RuleFor(e.Kind, r.Audience);
        var note = NotificationRules.NoteOf(e, rule);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in template.Fields) data[field.Keyword] = Value(e, rule, note, field);
        var summary = WeChatValues.Cut(PhoneNumbers.Scrub($"「{e.Title.Trim()}」{rule.State}：{note}"), SummaryMax, WeChatValues.Ellipsis);
        return new StoredNotification(
            NotificationStore.IdOf(e.EventId, r.UserId, e.At),
            r.UserId,
            e.EventId,
            e.Kind,
            e.OrderId,
            template.Key,
            summary,
            template.Page.Replace("{orderId}", e.OrderId, StringComparison.Ordinal),
            data,
            e.At);
    }

    private static string Value(NotificationEvent e, NotificationRules.Rule rule, string note, FieldMapping field)
    {
        if (field.Field == MessageField.At) return field.Type == "date" ? WeChatValues.Date(e.At) : WeChatValues.Time(e.At);
        var text = field.Field switch
        {
            MessageField.Title => e.Title,
            MessageField.State => rule.State,
            MessageField.Note => note,
            MessageField.Category => e.Category.Chinese(),
            _ => OrderNo(e.OrderId),
        };
        // Nothing of ours fails to fit a type its mapping allows (TemplateFields.Fits); were it to, a placeholder of the type goes.
        return WeChatValues.Fit(field.Type, text) ?? (field.Type == "phrase" ? "无" : "-");
    }

    /// <summary>The order's number for a message: its id's own part (after the community's), at most 32 ASCII characters.</summary>
    public static string OrderNo(string orderId) =>
        WeChatValues.Cut(orderId[(orderId.LastIndexOf('-') + 1)..], WeChatValues.CharacterStringMax);
}
