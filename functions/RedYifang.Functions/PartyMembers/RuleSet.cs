namespace RedYifang.Functions.PartyMembers;

/// <summary>The rule of each <see cref="PointsSource"/>: points per check-in, per hour of attendance and per order, each with its monthly cap.</summary>
public sealed record RuleSet(SourceRule CheckIn, SourceRule Attendance, SourceRule Order)
{
    public SourceRule For(PointsSource source) => source switch
    {
        PointsSource.CheckIn => CheckIn,
        PointsSource.Attendance => Attendance,
        PointsSource.Order => Order,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
