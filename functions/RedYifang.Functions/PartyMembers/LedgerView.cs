namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A member's ledger as the API shows it: a page of entries (of the period, or all) and the totals of the period — points
/// net of reversals, hours, and points per source.
/// </summary>
public sealed record LedgerView(
    string UserId,
    string? Period,
    decimal Total,
    decimal Hours,
    LedgerView.SourceTotals BySource,
    IReadOnlyList<PointsEntry> Items,
    string? ContinuationToken)
{
    public sealed record SourceTotals(decimal CheckIn, decimal Attendance, decimal Order);

    public static SourceTotals Of(MonthTotals t) => new(t.CheckIn, t.Attendance, t.Order);
}
