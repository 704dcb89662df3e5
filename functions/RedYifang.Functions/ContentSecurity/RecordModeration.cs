namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Queue <c>content-moderation</c>: applies a photo's pushed verdict to its evidence item (through Evidence's
/// <see cref="IModerated"/>), then lists what awaits a person for the admins who decide. Both steps are idempotent, so a message
/// delivered twice, or retried after the first step, leaves one result.
/// </summary>
public sealed class RecordModeration(ModeratedOwners owners, ModerationStore store)
{
    public async Task HandleAsync(ModerationMessage message, CancellationToken ct)
    {
        var item = message.Item;
        if (message.Apply) await owners.ApplyAsync(item.Kind, item.OwnerKey, item.Screening, ct);
        if (item.Screening.AwaitsDecision) await store.ListAsync(item, ct);
    }
}
