using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Notifications;

/// <summary>The caller's inbox: every notification of theirs, sent by WeChat or not, newest first, a page at a time.</summary>
public sealed class ListNotifications(NotificationStore store)
{
    public async Task<ListPage<NotificationView>> HandleAsync(Caller caller, Paging paging, CancellationToken ct)
    {
        var page = await store.ListAsync(caller.UserId, paging, ct);
        return new ListPage<NotificationView>([.. page.Items.Select(NotificationView.From)], page.ContinuationToken);
    }
}
