using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The part of one agreement's term that falls in one month (China Standard Time): the days from <see cref="First"/> to
/// <see cref="Last"/>, both included — none when <see cref="Last"/> is before <see cref="First"/> (terminated before the
/// month) — the term's length in days and its service commitments. Shares of the same agreement and month are merged by
/// keeping the earlier <see cref="Last"/>: a termination only ever shortens the window, whichever message arrives first.
/// </summary>
public sealed record AgreementShare(
    string AgreementId,
    DateOnly First,
    DateOnly Last,
    int TermDays,
    IReadOnlyList<AgreementShare.Service> Services)
{
    /// <summary>Commitment <paramref name="Index"/> of the agreement: <paramref name="Target"/> services of a category over the term.</summary>
    public sealed record Service(int Index, Category Category, int Target);

    /// <summary>The days of the month the agreement is in force (0 when terminated before it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Days => Last < First ? 0 : Last.DayNumber - First.DayNumber + 1;

    public AgreementShare Merge(AgreementShare other) => other.Last < Last ? this with { Last = other.Last } : this;
}
