using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// An organisation's trace archive (痕迹档案) for a period: to its admins (or admins above it) and its liaison; 404 to
/// anyone else.
/// </summary>
public sealed class GetOrgTrace(EvidenceStore store, OrgStore orgs)
{
    public async Task<TraceView> HandleAsync(Caller caller, string orgId, string? periodText, CancellationToken ct)
    {
        var v = new Validator();
        var parsed = v.Period("period", periodText);
        v.ThrowIfInvalid();
        var period = parsed!;
        var org = await orgs.FindAsync(orgId, ct);
        if (org is null || !EvidencePolicy.ActsFor(caller, org)) throw Problems.NotFound("organisation");
        var (links, _) = await store.ChainAsync(orgId, ct);
        var records = await store.RecordsOfAsync(orgId, ct);
        // A photo content security holds or hid is left out for whoever may not see it; its link stays in the chain.
        var items = links.Where(l => l.CommittedAt >= period.Start && l.CommittedAt < period.End
                && records.TryGetValue(l.EvidenceId, out var record) && EvidencePolicy.SeesScreened(caller, record))
            .Select(l => TraceEntry.Of(l, records[l.EvidenceId]))
            .ToList();
        return new TraceView(orgId, period.Text, period.Start, period.End, items);
    }
}
