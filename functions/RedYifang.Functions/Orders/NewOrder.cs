using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Orders;

/// <summary>What a resident asks for, validated: everything an order starts with except its id, place and owner.</summary>
public sealed record NewOrder
{
    public string? GridId { get; init; }
    public required OrderLevel Level { get; init; }
    public required string Title { get; init; }
    public required Category Category { get; init; }
    public required string Description { get; init; }
    public required int Beneficiaries { get; init; }
    public required Urgency Urgency { get; init; }
    public DateTimeOffset? PreferredFrom { get; init; }
    public DateTimeOffset? PreferredTo { get; init; }
    public string? ContactPhone { get; init; }
}
