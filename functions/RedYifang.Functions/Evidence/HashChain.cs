using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// The tamper-evident chain of a trace archive: each verified record's chain hash is SHA-256 over the previous
/// chain hash, its own file hash, its id and its commit time, so changing or removing any record breaks every
/// link after it.
/// </summary>
public static class HashChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // Invariant formatting: a culture with another calendar or digits must not change what a record hashes to.
    public static string Link(string previousHash, string sha256, string evidenceId, DateTimeOffset committedAt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{previousHash}\n{sha256}\n{evidenceId}\n{committedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}"))));

    /// <summary>
    /// Recomputes the chain from the links in order and compares every link with the record it names; reports the
    /// first one that does not fit.
    /// </summary>
    public static ChainVerdict Verify(IReadOnlyList<ChainLink> links, IReadOnlyDictionary<string, EvidenceRecord> records,
        (long Seq, string Hash)? head)
    {
        var previous = Genesis;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Seq != i + 1) return Broken(i, link.EvidenceId, ChainBreaks.LinkBroken);
            if (link.PreviousHash != previous) return Broken(i, link.EvidenceId, ChainBreaks.LinkBroken);
            if (Link(previous, link.Sha256, link.EvidenceId, link.CommittedAt) != link.ChainHash)
            {
                return Broken(i, link.EvidenceId, ChainBreaks.LinkBroken);
            }
            if (!records.TryGetValue(link.EvidenceId, out var record)) return Broken(i, link.EvidenceId, ChainBreaks.RecordMissing);
            if (record.Sha256 != link.Sha256 || record.CommittedAt != link.CommittedAt || record.ChainHash != link.ChainHash
                || record.State != EvidenceState.Verified)
            {
                return Broken(i, link.EvidenceId, ChainBreaks.RecordChanged);
            }
            previous = link.ChainHash;
        }
        if (head is { } h && (h.Seq != links.Count || h.Hash != previous))
        {
            return Broken(links.Count, links.Count > 0 ? links[^1].EvidenceId : "", ChainBreaks.LinkBroken);
        }
        return new ChainVerdict(true, links.Count, null);
    }

    private static ChainVerdict Broken(int checkedBefore, string evidenceId, string reason) =>
        new(false, checkedBefore, new ChainBreak(evidenceId, reason));
}
