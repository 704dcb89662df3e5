using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evidence;

public sealed record TraceEntry(long Seq, string EvidenceId, OwnerType OwnerType, string OwnerId, EvidenceKind Kind, string FileName,
    string Sha256, string ChainHash, DateTimeOffset CommittedAt, string? DuplicateOf);

public sealed record TraceView(string OrgId, string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TraceEntry> Items);

/// <summary>An organisation's trace archive (痕迹档案) for a period, and the check of its chain.</summary>
public sealed class TraceArchive(EvidenceStore store, OrgStore orgs)
{
    public async Task<TraceView> ForPeriodAsync(Caller caller, string orgId, string? periodText, CancellationToken ct)
    {
        var v = new Validator();
        if (!Period.TryParse(periodText, out var period)) v.Add("period", new("须为 2026-11、2026-Q4 或 2026", "must be like 2026-11, 2026-Q4 or 2026"));
        v.ThrowIfInvalid();
        await ReadableOrgAsync(caller, orgId, ct);
        var (links, _) = await store.ChainAsync(orgId, ct);
        var records = await store.RecordsOfAsync(orgId, ct);
        var items = links.Where(l => l.CommittedAt >= period.Start && l.CommittedAt < period.End && records.ContainsKey(l.EvidenceId))
            .Select(l => (link: l, record: records[l.EvidenceId]))
            .Select(x => new TraceEntry(x.link.Seq, x.link.EvidenceId, x.record.OwnerType, x.record.OwnerId, x.record.Kind, x.record.FileName,
                x.link.Sha256, x.link.ChainHash, x.link.CommittedAt, x.record.DuplicateOf))
            .ToList();
        return new TraceView(orgId, period.Text, period.Start, period.End, items);
    }

    public async Task<ChainVerdict> VerifyAsync(Caller caller, string orgId, CancellationToken ct)
    {
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        if (!caller.IsAdminOf(org.Path)) throw Problems.NotFound("organisation");
        var (links, head) = await store.ChainAsync(orgId, ct);
        return HashChain.Verify(links, await store.RecordsOfAsync(orgId, ct), head);
    }

    private async Task ReadableOrgAsync(Caller caller, string orgId, CancellationToken ct)
    {
        var org = await orgs.FindAsync(orgId, ct);
        if (org is null || !caller.ActsFor(org.Path)) throw Problems.NotFound("organisation");
    }
}
