using Azure;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// One notification of one user, as table <c>Notifications</c> keeps it: what it says, and where its WeChat message stands.
/// </summary>
/// <param name="Id"><c>ntf_{inverted ticks of At}-{hash of event id and user}</c>: newest first in the partition, and the same for a replay.</param>
/// <param name="Data">The message's values by WeChat keyword, as sent (or as they would have been).</param>
/// <param name="Charged">One of the user's subscriptions to the template was spent on it.</param>
/// <param name="Attempts">Sends tried so far.</param>
/// <param name="LeaseUntil">Until when a worker holds it (sending, or waiting out a back-off); in the past when nobody does.</param>
public sealed record StoredNotification(
    string Id,
    string UserId,
    string EventId,
    NotificationKind Kind,
    string OrderId,
    string TemplateKey,
    string Summary,
    string Page,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset At,
    SendState State = SendState.Pending,
    bool Charged = false,
    int Attempts = 0,
    DateTimeOffset LeaseUntil = default,
    int? ErrCode = null,
    DateTimeOffset? SentAt = null,
    bool Read = false)
{
    public ETag ETag { get; init; }
}
