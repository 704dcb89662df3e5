using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Matching;

/// <summary>A run with a page of its proposals, for admins over its scope; anyone else is told it does not exist.</summary>
public sealed class GetMatchingRun(RunStore runs)
{
    public async Task<RunView> HandleAsync(Caller caller, string id, Paging paging, CancellationToken ct)
    {
        var stored = await runs.FindAsync(id, ct);
        if (stored is null || !MatchingPolicy.MaySeeRun(caller, stored.Run)) throw Problems.NotFound("matching run");
        var proposals = await runs.ListProposalsAsync(id, paging, ct);
        return RunView.From(stored.Run, proposals);
    }
}
