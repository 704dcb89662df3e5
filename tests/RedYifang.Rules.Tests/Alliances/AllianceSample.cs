using RedYifang.Functions.Alliances;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>A street's alliance, a unit of the street and the instants the alliance rules tests share.</summary>
internal static class AllianceSample
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly Alliance Ours = Alliance.Create("aln_d1-1", ["d1", "s1"], "会展街道党建联盟", "usr_street", T0)
        .Alliance;

    public static readonly IReadOnlyList<string> UnitPath = ["d1", "s1", "c1", "u1"];

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static ChairTerm Term(string unitId, DateOnly from, DateOnly to) => new(unitId, from, to, "usr_street", T0);
}
