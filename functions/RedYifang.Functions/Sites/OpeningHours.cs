using System.Globalization;
using System.Text.RegularExpressions;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>
/// When a site is open, in China Standard Time: at most one window a weekday, <c>{"mon": "08:00-20:00", "sat": "09:00-12:00"}</c>;
/// a day left out is closed. A window opens before it closes on the same day (so nothing runs past midnight, and a booking
/// inside one lies within one day of China's calendar). Written as the API takes it: keys <c>mon</c>…<c>sun</c>, values
/// <c>HH:mm-HH:mm</c> in ASCII digits.
/// </summary>
public sealed partial class OpeningHours
{
    /// <summary>The keys, Monday first, in the order the API writes them.</summary>
    public static readonly IReadOnlyList<string> DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday,
            DayOfWeek.Sunday];

    private readonly Dictionary<DayOfWeek, Window> _days;

    private OpeningHours(Dictionary<DayOfWeek, Window> days) => _days = days;

    /// <summary>One day's window: open from <see cref="Opens"/> (included) to <see cref="Closes"/> (included as an end).</summary>
    public readonly record struct Window(TimeOnly Opens, TimeOnly Closes)
    {
        public override string ToString() =>
            $"{Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The window of a weekday, or null when the site is closed that day.</summary>
    public Window? On(DayOfWeek day) => _days.TryGetValue(day, out var w) ? w : null;

    /// <summary>The hours as the API writes them: the open days, Monday first.</summary>
    public IReadOnlyDictionary<string, string> ToText()
    {
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (_days.TryGetValue(Weekdays[i], out var w)) text[DayKeys[i]] = w.ToString();
        }
        return text;
    }

    /// <summary>
    /// Whether [from, to) lies inside one day's opening window in China Standard Time: both ends on the same day of China's
    /// calendar, the start at or after the opening, the end at or before the closing.
    /// </summary>
    public bool Covers(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return false;
        var (start, end) = (ChinaTime.Of(from), ChinaTime.Of(to));
        if (start.Date != end.Date || On(start.DayOfWeek) is not { } window) return false;
        return TimeOnly.FromTimeSpan(start.TimeOfDay) >= window.Opens && TimeOnly.FromTimeSpan(end.TimeOfDay) <= window.Closes;
    }

    /// <summary>Hours written by this app (a site's stored hours), which are well formed.</summary>
    public static OpeningHours FromText(IReadOnlyDictionary<string, string> text)
    {
        var days = new Dictionary<DayOfWeek, Window>();
        foreach (var (key, value) in text)
        {
            var index = IndexOf(key);
            if (index < 0 || TryParseWindow(value) is not { } window) throw new FormatException($"Opening hours {key}: {value}.");
            days[Weekdays[index]] = window;
        }
        return new OpeningHours(days);
    }

    /// <summary>
    /// Hours from a request: every key one of <see cref="DayKeys"/>, every value <c>HH:mm-HH:mm</c> opening before it closes, at
    /// least one open day. Each fault is named (<c>openingHours</c> for a key the API does not know, <c>openingHours.mon</c> for
    /// a value); null when absent (and <paramref name="required"/>) or refused.
    /// </summary>
    public static OpeningHours? Parse(Validator v, string field, IReadOnlyDictionary<string, string?>? raw, bool required = true)
    {
        if (raw is null)
        {
            if (required) v.Add(field, Validator.Required);
            return null;
        }
        var days = new Dictionary<DayOfWeek, Window>();
        var valid = true;
        foreach (var (key, value) in raw)
        {
            var index = IndexOf(key);
            if (index < 0)
            {
                v.Add(field, new("键须为 mon、tue、wed、thu、fri、sat、sun 之一", "keys must be one of mon, tue, wed, thu, fri, sat, sun"));
                valid = false;
                continue;
            }
            if (TryParseWindow(value) is not { } window)
            {
                v.Add($"{field}.{key}", new("须为 HH:mm-HH:mm（北京时间），开始早于结束",
                    "must be HH:mm-HH:mm (China Standard Time), opening before closing"));
                valid = false;
                continue;
            }
            days[Weekdays[index]] = window;
        }
        if (valid && days.Count == 0) v.Add(field, new("至少一天开放", "needs at least one open day"));
        return valid && days.Count > 0 ? new OpeningHours(days) : null;
    }

    /// <summary><c>HH:mm-HH:mm</c> in ASCII digits, 00:00–23:59, opening strictly before closing; null otherwise.</summary>
    public static Window? TryParseWindow(string? text)
    {
        if (text is null || WindowPattern().Match(text) is not { Success: true } m) return null;
        var opens = new TimeOnly(Int(m.Groups[1].Value), Int(m.Groups[2].Value));
        var closes = new TimeOnly(Int(m.Groups[3].Value), Int(m.Groups[4].Value));
        return opens < closes ? new Window(opens, closes) : null;
    }

    private static int IndexOf(string key)
    {
        for (var i = 0; i < DayKeys.Count; i++)
        {
            if (string.Equals(DayKeys[i], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // [0-9], not \d (which takes other scripts' digits); \z, not $ (which takes a newline at the end).
    [GeneratedRegex("^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])\\z", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
