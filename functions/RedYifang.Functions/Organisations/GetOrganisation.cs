using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>One organisation of the directory, which every signed-in caller may read (<see cref="OrgPolicy"/>).</summary>
public sealed class GetOrganisation(OrgStore orgs)
{
    /// <summary>The organisation with its version's ETag, which an edit names in <c>If-Match</c>.</summary>
    public async Task<StoredOrg> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        await orgs.FindStoredAsync(id, ct) ?? throw Problems.NotFound("organisation");
}
