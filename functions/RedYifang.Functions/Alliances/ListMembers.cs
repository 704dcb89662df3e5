using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>The alliance's units, invited, members and former ones (or those in one <c>?state=</c>), to those who may read it.</summary>
public sealed class ListMembers(AllianceReads reads, AllianceStore alliances)
{
    public async Task<ListPage<MemberView>> HandleAsync(Caller caller, string id, string? stateText, Paging paging, CancellationToken ct)
    {
        var v = new Validator();
        var state = v.OneOf<MemberState>("state", stateText, required: false);
        v.ThrowIfInvalid();
        var alliance = await reads.ReadAsync(caller, id, ct);
        var page = await alliances.ListMembersAsync(alliance, state, paging, ct);
        return new ListPage<MemberView>([.. page.Items.Select(MemberView.From)], page.ContinuationToken);
    }
}
