namespace RedYifang.Functions.Matching;

/// <summary>
/// A unit's record so far: orders taken, completed, rated (with the stars' sum), still open, and failed — cancelled
/// while the unit held them, whose completion was refused at acceptance (once per order), or declined (given back while
/// matched or agreed; <see cref="Declined"/> counts those apart as well). See docs/assessment.md.
/// </summary>
/// <remarks>
/// <see cref="Active"/> is a sum of +1 per match and −1 per completion, release or decline, never clamped, so the facts may
/// arrive in any order (queue messages do) and the sum still ends right; it may dip below zero while a completion
/// waits for its match. Readers take <see cref="Open"/>.
/// </remarks>
public sealed record UnitRecord(int Assigned, int Completed, int Rated, int StarsSum, int Active, int Failed = 0, int Declined = 0)
{
    public static readonly UnitRecord New = new(0, 0, 0, 0, 0);

    /// <summary>Orders the unit holds and has not finished (never negative).</summary>
    public int Open => Math.Max(0, Active);
}
