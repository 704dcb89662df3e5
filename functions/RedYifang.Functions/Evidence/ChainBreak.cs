namespace RedYifang.Functions.Evidence;

/// <summary>Where a chain first fails, and why: one of <see cref="ChainBreaks"/>.</summary>
public sealed record ChainBreak(string EvidenceId, string Reason);
