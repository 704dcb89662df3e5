using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>Checks an organisation's chain (its admins only; 404 to anyone else), optionally re-hashing the kept bytes.</summary>
public sealed partial class VerifyOrgTrace(EvidenceStore store, EvidenceBlobs blobs, OrgStore orgs)
{
    /// <summary>The query: <c>deep</c> (true/false), <c>period</c> (limits the byte check), <c>anchor</c> (SEQUENCE:HASH).</summary>
    public sealed record Request(string? Deep, string? Period, string? Anchor);

    /// <summary>
    /// Recomputes the chain and compares each link with its record; a deep check also re-hashes, streamed, the kept
    /// bytes of every record checked (of the period only, when one is given). The first record that does not hold is
    /// named. An anchor (a head published earlier as <c>evidence.chainHead</c>) that the chain no longer holds means the
    /// chain was rebuilt: the verdict is then invalid even when the chain is consistent in itself.
    /// </summary>
    public async Task<TraceVerdict> HandleAsync(Caller caller, string orgId, Request request, CancellationToken ct)
    {
        var (deep, period, anchor) = Validate(request);
        var org = await orgs.FindAsync(orgId, ct);
        if (org is null || !EvidencePolicy.MayVerifyTrace(caller, org)) throw Problems.NotFound("organisation");
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
                var broken = new ChainBreak(named?.EvidenceId ?? "", ChainBreaks.LinkBroken);
                verdict = new ChainVerdict(false, (int)Math.Min(seq - 1, links.Count), broken);
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

    private static (bool Deep, Period? Period, (long Seq, string Hash)? Anchor) Validate(Request request)
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
}
