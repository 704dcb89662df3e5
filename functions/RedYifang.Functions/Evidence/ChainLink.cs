namespace RedYifang.Functions.Evidence;

/// <summary>One link of an organisation's chain: what it covers and the hash that binds it to the link before.</summary>
public sealed record ChainLink(
    long Seq, string EvidenceId, string Sha256, DateTimeOffset CommittedAt, string PreviousHash, string ChainHash);
