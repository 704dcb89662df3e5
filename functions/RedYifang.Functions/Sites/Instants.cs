using System.Globalization;
using System.Text.RegularExpressions;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Instants as bookings take them: ISO-8601 with their offset (<c>2026-06-01T09:00:00+08:00</c>, or <c>Z</c>), ASCII digits only,
/// years 2000–2200. A time without an offset is refused rather than read in the server's zone.
/// </summary>
public static partial class Instants
{
    public static DateTimeOffset? Parse(Validator v, string field, string? text, bool required = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) v.Add(field, Validator.Required);
            return null;
        }
        if (Pattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && at.Year is >= 2000 and <= 2200)
        {
            return at;
        }
        v.Add(field, new("须为带时区的 ISO-8601 时间，如 2026-06-01T09:00:00+08:00",
            "must be an ISO-8601 instant with offset, as 2026-06-01T09:00:00+08:00"));
        return null;
    }

    [GeneratedRegex(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})\\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
