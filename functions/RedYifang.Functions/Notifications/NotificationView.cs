namespace RedYifang.Functions.Notifications;

/// <summary>A notification in the user's inbox: what happened to which order, whether WeChat delivered it, and whether it was read.</summary>
/// <param name="Data">The message's values by WeChat keyword, as sent or as they would have been.</param>
/// <param name="SendState">Where its WeChat message stands (<see cref="Notifications.SendState"/>).</param>
public sealed record NotificationView(
    string Id,
    NotificationKind Kind,
    string OrderId,
    string TemplateKey,
    string Summary,
    string Page,
    IReadOnlyDictionary<string, string> Data,
    SendState SendState,
    bool Read,
    DateTimeOffset At,
    DateTimeOffset? SentAt)
{
    public static NotificationView From(StoredNotification n) =>
        new(n.Id, n.Kind, n.OrderId, n.TemplateKey, n.Summary, n.Page, n.Data, n.State, n.Read, n.At, n.SentAt);
}
