using System.Globalization;
using System.Text.RegularExpressions;

namespace RedYifang.Functions.Platform.Periods;

/// <summary>A month (2026-11), quarter (2026-Q4) or year (2026), reckoned in China Standard Time (UTC+8).</summary>
public sealed partial record Period(string Text, DateTimeOffset Start, DateTimeOffset End)
{

    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        if (text is null) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2200) return false;
        DateTimeOffset start;
        int months;
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            (start, months) = (new DateTimeOffset(year, month, 1, 0, 0, 0, ChinaTime.Offset), 1);
        }
        else if (m.Groups["q"].Success)
        {
            var quarter = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            (start, months) = (new DateTimeOffset(year, (quarter * 3) - 2, 1, 0, 0, 0, ChinaTime.Offset), 3);
        }
        else
        {
            (start, months) = (new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset), 12);
        }
        period = new Period(text, start, start.AddMonths(months));
        return true;
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    // ASCII digits only ([0-9], not \d, which takes any script's digits and then fails int.Parse), anchored with \z (not $,
    // which lets a trailing newline through).
    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<m>[0-9]{2})|-Q(?<q>[1-4]))?\z")]
    private static partial Regex Pattern();
}
