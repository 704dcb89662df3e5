using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// <c>POST /v1/moderation/{id}/approve</c> or <c>/hide</c>: an admin over the item's organisation decides (404 to anyone else, as
/// for any single object outside one's scope). The decision is applied to the content first (through its owner's
/// <see cref="IModerated"/>: shown to all, or hidden and kept), then recorded on the list entry, so a failure in between is
/// mended by deciding again. A later decision replaces an earlier one.
/// </summary>
public sealed class DecideModeration(ModerationStore store, ModeratedOwners owners, TimeProvider clock)
{
    public async Task<ModerationItemView> HandleAsync(Caller caller, string id, bool approve, CancellationToken ct)
    {
        var item = await store.FindAsync(id, ct);
        if (item is null || !caller.IsAdminOf(item.Held.ScopePath)) throw Problems.NotFound("moderation item");
        var held = item.Held.Screening;
        var decision = new Screening(approve ? ScreeningState.Approved : ScreeningState.Hidden, held.Reason, held.Label, caller.UserId,
            clock.GetUtcNow());
        await owners.ApplyAsync(item.Held.Kind, item.Held.OwnerKey, decision, ct);
        var decided = item with { Decision = decision };
        await store.SaveAsync(decided, ct);
        return ModerationItemView.Of(decided);
    }
}
