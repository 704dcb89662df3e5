namespace RedYifang.Functions.Alliances;

/// <summary>
/// A rotating chair's term (轮值主席): a member unit chairs the alliance from <see cref="From"/> to <see cref="To"/>, both days
/// included, in China Standard Time; set by the street's admins (<see cref="SetBy"/>, <see cref="SetAt"/>).
/// </summary>
public sealed record ChairTerm(string UnitId, DateOnly From, DateOnly To, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>The longest term (the seed rotates the chair; a term of years would not rotate).</summary>
    public const int MaxYears = 3;

    /// <summary>Shares at least one day with [from, to].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;

    public bool Covers(DateOnly day) => From <= day && day <= To;
}
