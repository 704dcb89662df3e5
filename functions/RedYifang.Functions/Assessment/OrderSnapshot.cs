namespace RedYifang.Functions.Assessment;

/// <summary>What the assessment needs of an order, carried by its event so recording a fact reads nothing.</summary>
public sealed record OrderSnapshot
{
    public required string Id { get; init; }
    public required string CommunityId { get; init; }
    public required string DistrictId { get; init; }
    public string? UnitId { get; init; }
    public string? AgreementId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public decimal? ServiceHours { get; init; }
    public int? Beneficiaries { get; init; }
    public int? Stars { get; init; }

    /// <summary>
    /// The rating was given by an admin for a represented resident without an account (<see cref="Orders.Rating.Represented"/>).
    /// </summary>
    public bool Represented { get; init; }

    /// <summary>The household the order served, where known: its owner's, when a resident raised it (null when staff did).</summary>
    public string? Household { get; init; }
}
