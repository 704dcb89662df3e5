namespace RedYifang.Functions.Evidence;

/// <summary>The data of integration event <c>evidence.chainHead</c>: an organisation's chain now ends at this link.</summary>
public sealed record ChainHeadMoved(string OrgId, long Sequence, string HeadHash, DateTimeOffset At);
