namespace RedYifang.Functions.Matching;

/// <summary>
/// A unit's record so far: orders taken, completed, rated (with the stars' sum), still open, and failed — cancelled
/// while the unit held them, or whose completion was refused at acceptance (once per order). See docs/assessment.md.
/// </summary>
public sealed record UnitRecord(int Assigned, int Completed, int Rated, int StarsSum, int Active, int Failed = 0)
{
    public static readonly UnitRecord New = new(0, 0, 0, 0, 0);
}
