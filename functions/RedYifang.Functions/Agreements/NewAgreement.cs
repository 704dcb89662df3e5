namespace RedYifang.Functions.Agreements;

/// <summary>What an agreement starts with, validated (<see cref="CreateAgreement.Validate"/>): everything but its id, places and author.</summary>
public sealed record NewAgreement
{
    public required string PartyOrgId { get; init; }
    public required string UnitId { get; init; }
    public required AgreementTerm Term { get; init; }
    public required string LiaisonUserId { get; init; }
    public required IReadOnlyList<Commitment> Commitments { get; init; }
}
