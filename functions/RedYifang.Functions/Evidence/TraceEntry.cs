using RedYifang.Functions.ContentSecurity;

namespace RedYifang.Functions.Evidence;

/// <summary>One item of a trace archive: its link of the chain and what it proves.</summary>
public sealed record TraceEntry
{
    public required long Seq { get; init; }
    public required string EvidenceId { get; init; }
    public required OwnerType OwnerType { get; init; }
    public required string OwnerId { get; init; }
    public required EvidenceKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required string ChainHash { get; init; }
    public required DateTimeOffset CommittedAt { get; init; }
    public string? DuplicateOf { get; init; }

    /// <summary>A photo's standing with content security: admins see hidden photos here, marked so; nobody else sees them.</summary>
    public Screening? Moderation { get; init; }

    public static TraceEntry Of(ChainLink link, EvidenceRecord record) => new()
    {
        Seq = link.Seq, EvidenceId = link.EvidenceId, OwnerType = record.OwnerType, OwnerId = record.OwnerId, Kind = record.Kind,
        FileName = record.FileName, Sha256 = link.Sha256, ChainHash = link.ChainHash, CommittedAt = link.CommittedAt,
        DuplicateOf = record.DuplicateOf, Moderation = record.Moderation,
    };
}
