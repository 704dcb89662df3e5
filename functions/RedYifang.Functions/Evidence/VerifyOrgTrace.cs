using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

public sealed record TraceEntry(long Seq, string EvidenceId, OwnerType OwnerType, string OwnerId, EvidenceKind Kind, string FileName,
    string Sha256, string ChainHash, DateTimeOffset CommittedAt, string? DuplicateOf);

public sealed record TraceView(string OrgId, string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TraceEntry> Items);

/// <summary>The query of a verify: <c>deep</c> (true/false), <c>period</c> (limits the byte check), <c>anchor</c> (SEQUENCE:HASH).</summary>
public sealed record VerifyRequest(string? Deep, string? Period, string? Anchor);

/// <summary>Whether the chain still holds, at <see cref="Sequence"/>, the head hash that was published then.</summary>
public sealed record AnchorCheck(long Sequence, string Hash, bool Held);

/// <summary>
/// The verdict on an organisation's chain: <see cref="Checked"/> links held before the first break; with a deep
/// check, <see cref="BytesChecked"/> kept items were re-hashed; with an anchor, whether the chain still holds it.
/// </summary>
public sealed record TraceVerdict(bool Valid, int Checked, ChainBreak? FirstBreak, bool Deep, int? BytesChecked, AnchorCheck? Anchor);

/// <summary>An organisation's trace archive (痕迹档案) for a period, and the check of its chain.</summary>
public sealed partial class TraceArchive(EvidenceStore store, EvidenceBlobs blobs, OrgStore orgs)
{
    public async Task<TraceView> ForPeriodAsync(Caller caller, string orgId, string? periodText, CancellationToken ct)
    {
        var v = new Validator();
        var parsed = v.Period("period", periodText);
        v.ThrowIfInvalid();
        var period = parsed!;
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

    /// <summary>
    /// Recomputes the chain and compares each link with its record; a deep check also re-hashes, streamed, the kept
    /// bytes of every record checked (of the period only, when one is given). The first record that does not hold is
    /// named. An anchor (a head published earlier as <c>evidence.chainHead</c>) that the chain no longer holds means the
    /// chain was rebuilt: the verdict is then invalid even when the chain is consistent in itself.
    /// </summary>
    public async Task<TraceVerdict> VerifyAsync(Caller caller, string orgId, VerifyRequest request, CancellationToken ct)
    {
        var (deep, period, anchor) = Validate(request);
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        if (!caller.IsAdminOf(org.Path)) throw Problems.NotFound("organisation");
        var (links, head) = await store.ChainAsync(orgId, ct);
        var records = await store.RecordsOfAsync(orgId, ct);
        var verdict = HashChain.Verify(links, records, head);

        int? bytesChecked = null;
        if (deep)
        {
            bytesChecked = 0;
            var intact = verdict.Valid ? links.Count : verdict.Checked;
            for (var i = 0; i < intact; i++)
            {
                var record = records[links[i].EvidenceId];
                if (period is { } p && !(record.CommittedAt >= p.Start && record.CommittedAt < p.End)) continue;
                bytesChecked++;
                if (await BytesProblemAsync(record, ct) is { } reason)
                {
                    verdict = new ChainVerdict(false, i, new ChainBreak(record.Id, reason));
                    break;
                }
            }
        }

        AnchorCheck? anchorCheck = null;
        if (anchor is var (seq, hash))
        {
            var atSeq = seq <= links.Count ? links[(int)seq - 1] : null;
            var held = atSeq is not null && atSeq.ChainHash == hash && (verdict.Valid || verdict.Checked >= seq);
            anchorCheck = new AnchorCheck(seq, hash, held);
            if (!held && verdict.Valid)
            {
                var named = atSeq ?? links.LastOrDefault();
                verdict = new ChainVerdict(false, (int)Math.Min(seq - 1, links.Count), new ChainBreak(named?.EvidenceId ?? "", ChainBreaks.LinkBroken));
            }
        }
        return new TraceVerdict(verdict.Valid, verdict.Checked, verdict.FirstBreak, deep, bytesChecked, anchorCheck);
    }

    /// <summary>Null when the kept file (and thumbnail) hold the bytes the record says; else why not.</summary>
    private async Task<string?> BytesProblemAsync(EvidenceRecord record, CancellationToken ct)
    {
        foreach (var (name, sha) in new[] { (record.BlobName, record.Sha256), (record.ThumbnailBlobName, record.ThumbnailSha256) })
        {
            if (sha is null) continue;
            if (name is null || await blobs.HashAsync(name, ct) is not { } stored) return ChainBreaks.BytesMissing;
            if (stored.Sha256 != sha) return ChainBreaks.BytesChanged;
        }
        return null;
    }

    private static (bool Deep, Period? Period, (long Seq, string Hash)? Anchor) Validate(VerifyRequest request)
    {
        var v = new Validator();
        var deep = false;
        switch (request.Deep)
        {
            case null or "" or "false":
                break;
            case "true":
                deep = true;
                break;
            default:
                v.Add("deep", new("须为 true 或 false", "must be true or false"));
                break;
        }
        var period = v.Period("period", request.Period, required: false);
        (long, string)? anchor = null;
        if (!string.IsNullOrEmpty(request.Anchor))
        {
            var match = AnchorPattern().Match(request.Anchor);
            if (match.Success && long.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var seq) && seq >= 1)
            {
                anchor = (seq, match.Groups[2].Value);
            }
            else
            {
                v.Add("anchor", new("须为“序号:哈希”，哈希为 64 位小写十六进制", "must be SEQUENCE:HASH, the hash in 64 lower-case hex digits"));
            }
        }
        v.ThrowIfInvalid();
        return (deep, period, anchor);
    }

    // ASCII digits only (\d would take any script's), anchored at the very end (\z, not $, which allows a newline).
    [System.Text.RegularExpressions.GeneratedRegex("^([0-9]{1,12}):([0-9a-f]{64})\\z")]
    private static partial System.Text.RegularExpressions.Regex AnchorPattern();

    private async Task ReadableOrgAsync(Caller caller, string orgId, CancellationToken ct)
    {
        var org = await orgs.FindAsync(orgId, ct);
        if (org is null || !caller.ActsFor(org.Path)) throw Problems.NotFound("organisation");
    }
}
