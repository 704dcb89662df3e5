using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

/// <summary>One organisation of the directory, which every signed-in caller may read (<see cref="OrgPolicy"/>).</summary>
public sealed class GetOrganisation(OrgStore orgs)
{
    public async Task<Org> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        await orgs.FindAsync(id, ct) ?? throw Problems.NotFound("organisation");
}
