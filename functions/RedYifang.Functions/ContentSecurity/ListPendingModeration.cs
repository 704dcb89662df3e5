using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// <c>GET /v1/moderation/pending?orgId=</c>: what waits for a decision in an organisation (an order's community; for evaluations
/// the evaluating street or community, or the one above an evaluating unit), oldest first, to admins over it only (403 to
/// anyone else; 404 for an organisation that does not exist).
/// </summary>
public sealed class ListPendingModeration(ModerationStore store, OrgStore orgs)
{
    public async Task<ListPage<ModerationItemView>> HandleAsync(Caller caller, string? orgId, Paging paging, CancellationToken ct)
    {
        var v = new Validator();
        var id = v.Id("orgId", orgId);
        v.ThrowIfInvalid();
        var org = await orgs.FindAsync(id!, ct) ?? throw Problems.NotFound("organisation");
        if (!caller.IsAdminOf(org.Path)) throw Problems.Forbidden();
        var page = await store.ListOpenAsync(org.Id, paging, ct);
        return new ListPage<ModerationItemView>([.. page.Items.Select(ModerationItemView.Of)], page.ContinuationToken);
    }
}
