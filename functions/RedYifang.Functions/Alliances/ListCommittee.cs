using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>The alliance's part-time committee members, one per member unit that has one, by unit id.</summary>
public sealed class ListCommittee(AllianceReads reads, AllianceStore alliances)
{
    public async Task<ListPage<CommitteeSeatView>> HandleAsync(Caller caller, string id, Paging paging, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var page = await alliances.ListSeatsAsync(alliance, paging, ct);
        return new ListPage<CommitteeSeatView>([.. page.Items.Select(CommitteeSeatView.From)], page.ContinuationToken);
    }
}
