using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The reports of a community, for admins over it (one range of its district), optionally in one state; or, with
/// <c>mine=true</c>, the caller's own (in one community when <c>communityId</c> is given).
/// </summary>
public sealed class ListReports(ReportStore reports, OrgStore orgs)
{
    public sealed record Request(string? CommunityId, string? State, bool Mine, Paging Paging);

    public async Task<ListPage<PartyMemberReport>> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var communityId = v.Id("communityId", request.CommunityId, required: !request.Mine);
        var state = v.OneOf<ReportState>("state", request.State, required: false);
        v.ThrowIfInvalid();
        if (request.Mine) return await reports.ListMineAsync(caller.UserId, communityId, state, request.Paging, ct);

        var community = await orgs.FindAsync(communityId!, ct);
        if (community is not { Kind: OrgKind.Community }) throw Problems.NotFound("organisation");
        if (!PartyMemberPolicy.MayListCommunity(caller, community.Path)) throw Problems.Forbidden();
        return await reports.ListCommunityAsync(community.Path[0], community.Id, state, request.Paging, ct);
    }
}
