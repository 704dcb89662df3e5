using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Notifications;

/// <summary>Every template, with what the caller's subscriptions still allow of it (0 for one never subscribed to).</summary>
public sealed class ListSubscriptions(NotificationStore store, NotificationTemplates templates)
{
    public async Task<IReadOnlyList<SubscriptionView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var quotas = await store.QuotasAsync(caller.UserId, ct);
        return [.. templates.All.Select(t => new SubscriptionView(t.Key, t.TemplateId, quotas.GetValueOrDefault(t.Key)))];
    }
}
