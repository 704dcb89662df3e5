namespace RedYifang.Functions.Evidence;

public enum EvidenceKind
{
    Photo,
    Document,
}
