using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Matching;

/// <summary>What happened to an order at a unit, staged with the change (queue <c>order-events</c>).</summary>
/// <param name="AgreementId">
/// The project agreement a match made or a decline voided: an order may be matched to the same unit again after it declined,
/// and each such fact is recorded once (<see cref="RowKey"/>).
/// </param>
public sealed record OrderFact(string UnitId, string OrderId, OrderFactKind Kind, int Stars, DateTimeOffset At, string? AgreementId = null)
{
    public const string Queue = "order-events";

    /// <summary>The fact's row in the unit's record: one per order and kind, and per agreement when the fact names one.</summary>
    public string RowKey => AgreementId is { } agreement
        ? $"fact|{OrderId}|{EnumText.ToText(Kind)}|{agreement}"
        : $"fact|{OrderId}|{EnumText.ToText(Kind)}";
}
