using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>The evidence of one order or organisation, for those who may list it (<see cref="EvidenceOwners.MayListAsync"/>).</summary>
public sealed class ListEvidence(EvidenceStore store, EvidenceBlobs blobs, EvidenceOwners owners)
{
    /// <summary>The query: <c>ownerType</c> and <c>ownerId</c>, both required.</summary>
    public sealed record Request(string? OwnerType, string? OwnerId);

    public async Task<ListPage<EvidenceView>> HandleAsync(Caller caller, Request request, Paging paging, CancellationToken ct)
    {
        var v = new Validator();
        var ownerType = v.OneOf<OwnerType>("ownerType", request.OwnerType);
        var ownerId = v.Id("ownerId", request.OwnerId);
        v.ThrowIfInvalid();
        if (!await owners.MayListAsync(caller, ownerType!.Value, ownerId!, ct)) throw Problems.NotFound("object");
        var page = await store.ListByOwnerAsync(ownerType.Value, ownerId!, paging, ct);
        // Photos content security holds or hid from this caller are left out, as if they did not exist.
        var views = await Task.WhenAll(page.Items.Where(r => EvidencePolicy.SeesScreened(caller, r))
            .Select(r => EvidenceView.FromAsync(r, blobs, ct)));
        return new ListPage<EvidenceView>(views, page.ContinuationToken);
    }
}
