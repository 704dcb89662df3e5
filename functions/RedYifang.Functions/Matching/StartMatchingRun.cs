using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Batch matching (issue 4): an admin queues a run that proposes the optimal assignment of every published order in a
/// district, street or community to the resources that can serve it (see <see cref="ExecuteMatchingRun"/>). Nothing is
/// matched until an admin confirms a proposal with <c>POST /v1/orders/{id}/match</c>.
/// </summary>
public sealed class StartMatchingRun(RunStore runs, OrgStore orgs, TimeProvider clock)
{
    public sealed record Request(string? ScopeOrgId);

    public async Task<MatchingRun> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var scopeId = Validate(request);
        var scope = await orgs.FindAsync(scopeId, ct);
        if (scope is not { Kind: OrgKind.District or OrgKind.Street or OrgKind.Community })
        {
            throw Problems.InvalidReference("scopeOrgId", new("须为区、街道或社区", "must be a district, street or community"));
        }
        if (!MatchingPolicy.MayStartRun(caller, scope.Path)) throw Problems.Forbidden();
        var run = new MatchingRun
        {
            Id = Keys.NewId("run", clock), ScopeOrgId = scope.Id, ScopePath = scope.Path, State = RunState.Queued,
            CreatedBy = caller.UserId, CreatedAt = clock.GetUtcNow(),
        };
        await runs.AddAsync(run, ct);
        return run;
    }

    private static string Validate(Request request)
    {
        var v = new Validator();
        var scopeId = v.Text("scopeOrgId", request.ScopeOrgId, 64);
        v.ThrowIfInvalid();
        return scopeId!;
    }
}
