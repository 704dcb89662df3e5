using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The steps a decision shares: read the report the caller may see (404 otherwise), check the caller may decide it (403),
/// apply it, and write it with its events on the ETag it was read with (409 <c>conflict</c> if decided meanwhile).
/// </summary>
public sealed class ReportChanges(ReportStore reports, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<PartyMemberReport> DecideAsync(Caller caller, string id, Func<PartyMemberReport, ReportChange> decide,
        CancellationToken ct)
    {
        var stored = await reports.FindAsync(id, ct);
        if (stored is null || !PartyMemberPolicy.MayRead(caller, stored.Report)) throw Problems.NotFound("party member report");
        if (!PartyMemberPolicy.MayDecide(caller, stored.Report)) throw Problems.Forbidden();
        var change = decide(stored.Report);
        await reports.UpdateAsync(stored, change, ct);
        return change.Report;
    }
}
