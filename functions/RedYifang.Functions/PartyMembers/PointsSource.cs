namespace RedYifang.Functions.PartyMembers;

/// <summary>What earns a party member points (积分): each has its points and monthly cap in a district's rules (<see cref="PointsRules"/>).</summary>
public enum PointsSource
{
    /// <summary>An approved check-in to an activity: points per check-in.</summary>
    CheckIn,

    /// <summary>Approved attendance at an activity: points per hour attended.</summary>
    Attendance,

    /// <summary>An accepted order the member served in person (named in its completion's <c>servedBy</c>): points per order.</summary>
    Order,
}
