namespace RedYifang.Functions.Alliances;

/// <summary>
/// Every chair term an alliance has had or will have, oldest first: one row, replaced on its ETag whenever a term is added, so
/// that of two overlapping terms asked for at once only one is written (<see cref="AllianceStore.AddChairTermAsync"/>).
/// </summary>
public sealed record ChairTerms(IReadOnlyList<ChairTerm> Terms)
{
    public static readonly ChairTerms None = new([]);

    /// <summary>A term sharing a day with [from, to], if there is one: terms never overlap (409 <c>chair_term_overlaps</c>).</summary>
    public ChairTerm? Overlapping(DateOnly from, DateOnly to) => Terms.FirstOrDefault(t => t.Overlaps(from, to));

    /// <summary>With another term, kept in order of their first day.</summary>
    public ChairTerms With(ChairTerm term) => new([.. Terms.Append(term).OrderBy(t => t.From)]);

    /// <summary>The chair on a day (China Standard Time), or null between terms.</summary>
    public ChairTerm? On(DateOnly day) => Terms.FirstOrDefault(t => t.Covers(day));

    /// <summary>The unit chairs on <paramref name="day"/> or a later day: it may not leave the alliance.</summary>
    public bool ChairsFrom(string unitId, DateOnly day) => Terms.Any(t => t.UnitId == unitId && t.To >= day);
}
