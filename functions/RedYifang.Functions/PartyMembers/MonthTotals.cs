namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A member's totals for one month (China Standard Time): points (net of reversals) and per source — what the monthly caps
/// are checked against — hours of attendance, and the first award's instant (the ranking's third tie-break).
/// </summary>
public sealed record MonthTotals(string Month, decimal Points, decimal Hours, decimal CheckIn, decimal Attendance, decimal Order,
    DateTimeOffset? FirstAt)
{
    public static MonthTotals Empty(string month) => new(month, 0, 0, 0, 0, 0, null);

    public decimal Of(PointsSource source) => source switch
    {
        PointsSource.CheckIn => CheckIn,
        PointsSource.Attendance => Attendance,
        PointsSource.Order => Order,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The totals with an entry (an award or a reversal) counted.</summary>
    public MonthTotals With(PointsEntry entry)
    {
        var after = this with { Points = Points + entry.Points, Hours = Hours + entry.Hours };
        after = entry.Source switch
        {
            PointsSource.CheckIn => after with { CheckIn = CheckIn + entry.Points },
            PointsSource.Attendance => after with { Attendance = Attendance + entry.Points },
            _ => after with { Order = Order + entry.Points },
        };
        return entry.ReversalOf is null && (FirstAt is null || entry.At < FirstAt) ? after with { FirstAt = entry.At } : after;
    }

    /// <summary>Several months added up (a quarter, a year).</summary>
    public static MonthTotals Sum(string label, IEnumerable<MonthTotals> months) => months.Aggregate(Empty(label), (sum, m) => sum with
    {
        Points = sum.Points + m.Points, Hours = sum.Hours + m.Hours, CheckIn = sum.CheckIn + m.CheckIn,
        Attendance = sum.Attendance + m.Attendance, Order = sum.Order + m.Order,
        FirstAt = sum.FirstAt is null || (m.FirstAt is { } f && f < sum.FirstAt) ? m.FirstAt ?? sum.FirstAt : sum.FirstAt,
    });
}
