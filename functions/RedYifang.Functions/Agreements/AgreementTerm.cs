namespace RedYifang.Functions.Agreements;

/// <summary>An agreement's term: whole days in China Standard Time, both ends included.</summary>
public sealed record AgreementTerm(DateOnly From, DateOnly To)
{
    /// <summary>Two terms share at least one day (a term that starts the day after another ends does not overlap it).</summary>
    public bool Overlaps(AgreementTerm other) => From <= other.To && other.From <= To;

    public bool Contains(DateOnly day) => day >= From && day <= To;
}
