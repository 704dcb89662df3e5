namespace RedYifang.Functions.Evidence;

public enum EvidenceState
{
    Pending,
    Verified,
    Rejected,
    Failed,
}
