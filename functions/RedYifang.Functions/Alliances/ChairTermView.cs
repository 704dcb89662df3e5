using System.Globalization;

namespace RedYifang.Functions.Alliances;

/// <summary>A chair term as the API shows it: days as YYYY-MM-DD (China Standard Time, both included); whether it covers today.</summary>
public sealed record ChairTermView(string UnitId, string From, string To, bool Current, string SetBy, DateTimeOffset SetAt)
{
    public static ChairTermView Of(ChairTerm t, bool current) =>
        new(t.UnitId, Day(t.From), Day(t.To), current, t.SetBy, t.SetAt);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
