using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Notifications;

/// <summary>Marks one of the caller's notifications read (again is no change); another user's, or none, is 404.</summary>
public sealed class MarkNotificationRead(NotificationStore store)
{
    public async Task<NotificationView> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        await store.MarkReadAsync(caller.UserId, id, ct) is { } read
            ? NotificationView.From(read)
            : throw Problems.NotFound("notification");
}
