using System.Globalization;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// An agreement as the API shows it: dates as YYYY-MM-DD, money as a yuan string ("1000.00"), categories with their Chinese
/// names; <see cref="Fulfilment"/> per commitment on <c>GET /v1/agreements/{id}</c>, null in lists.
/// </summary>
public sealed record AgreementView
{
    public required string Id { get; init; }
    public required string DistrictId { get; init; }
    public required string PartyOrgId { get; init; }
    public required string UnitId { get; init; }
    public required string TermFrom { get; init; }
    public required string TermTo { get; init; }
    public required string LiaisonUserId { get; init; }
    public required IReadOnlyList<CommitmentView> Commitments { get; init; }
    public required AgreementState State { get; init; }
    public Signature? Signature { get; init; }
    public Signature? Countersignature { get; init; }
    public DateTimeOffset? RenewalDueAt { get; init; }
    public required IReadOnlyList<AgreementStep> History { get; init; }
    public IReadOnlyList<CommitmentFulfilment>? Fulfilment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public sealed record CommitmentView(Category Category, string CategoryName, CommitmentKind Kind, int? Target, string? Amount,
        string? Description);

    public static AgreementView From(Agreement a, IReadOnlyList<CommitmentFulfilment>? fulfilment = null) => new()
    {
        Id = a.Id, DistrictId = a.DistrictId, PartyOrgId = a.PartyOrgId, UnitId = a.UnitId, TermFrom = Day(a.TermFrom),
        TermTo = Day(a.TermTo), LiaisonUserId = a.LiaisonUserId,
        Commitments = [.. a.Commitments.Select(c => new CommitmentView(c.Category, c.Category.Chinese(), c.Kind, c.Target,
            c.Amount?.ToString("0.00", CultureInfo.InvariantCulture), c.Description))],
        State = a.State, Signature = a.Signature, Countersignature = a.Countersignature, RenewalDueAt = a.RenewalDueAt,
        History = a.History, Fulfilment = fulfilment, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
