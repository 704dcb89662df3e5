using System.Security.Cryptography;
using System.Text;

namespace RedYifang.Functions.Evidence;

/// <summary>One link of an organisation's chain: what it covers and the hash that binds it to the link before.</summary>
public sealed record ChainLink(long Seq, string EvidenceId, string Sha256, DateTimeOffset CommittedAt, string PreviousHash, string ChainHash);

public sealed record ChainBreak(string EvidenceId, string Reason);

public sealed record ChainVerdict(bool Valid, int Checked, ChainBreak? FirstBreak);

/// <summary>
/// The tamper-evident chain of a trace archive: each verified record's chain hash is SHA-256 over the previous
/// chain hash, its own file hash, its id and its commit time, so changing or removing any record breaks every
/// link after it.
/// </summary>
public static class HashChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Link(string previousHash, string sha256, string evidenceId, DateTimeOffset committedAt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{previousHash}\n{sha256}\n{evidenceId}\n{committedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}")));

    /// <summary>
    /// Recomputes the chain from the links in order and compares every link with the record it names; reports the
    /// first one that does not fit.
    /// </summary>
    public static ChainVerdict Verify(IReadOnlyList<ChainLink> links, IReadOnlyDictionary<string, EvidenceRecord> records, (long Seq, string Hash)? head)
    {
        var previous = Genesis;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Seq != i + 1) return Broken(i, link.EvidenceId, $"link {i + 1} is missing");
            if (link.PreviousHash != previous) return Broken(i, link.EvidenceId, "does not follow the link before it");
            if (Link(previous, link.Sha256, link.EvidenceId, link.CommittedAt) != link.ChainHash) return Broken(i, link.EvidenceId, "link was altered");
            if (!records.TryGetValue(link.EvidenceId, out var record)) return Broken(i, link.EvidenceId, "record was deleted");
            if (record.Sha256 != link.Sha256 || record.CommittedAt != link.CommittedAt || record.ChainHash != link.ChainHash
                || record.State != EvidenceState.Verified)
            {
                return Broken(i, link.EvidenceId, "record was altered");
            }
            previous = link.ChainHash;
        }
        if (head is { } h && (h.Seq != links.Count || h.Hash != previous))
        {
            return Broken(links.Count, links.Count > 0 ? links[^1].EvidenceId : "", "links after the last one were removed");
        }
        return new ChainVerdict(true, links.Count, null);
    }

    private static ChainVerdict Broken(int checkedBefore, string evidenceId, string reason) =>
        new(false, checkedBefore, new ChainBreak(evidenceId, reason));
}
