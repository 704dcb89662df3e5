using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Scores a resource for an order (domain.md "Matching"): each factor is a value in [0, 1] and the score is their
/// weighted sum. A pair that fails a hard condition (category, area, capacity, validity) is not a candidate: the same
/// conditions <c>match</c> checks (the exact category, an area on the order's path, published, capacity left), so
/// every suggestion or proposal can be confirmed. A resource of category "other" is suggested only for "other" orders.
/// </summary>
public sealed class Scoring(MatchingOptions weights)
{
    private static readonly TimeSpan UsefulOverlap = TimeSpan.FromHours(2);
    private static readonly TimeSpan LookAhead = TimeSpan.FromDays(14);

    public Suggestion? Score(OrderNeed order, Offer offer, DateOnly today)
    {
        var r = offer.Resource;
        if (r.State != ResourceState.Published || offer.Remaining <= 0 || r.ValidTo < today || r.ValidFrom > today) return null;
        if (r.Category != order.Category) return null;
        const double category = 1.0;
        var area = Area(order.AreaPath, r.AreaIds);
        if (area == 0) return null;

        Reason[] reasons =
        [
            new("category", weights.CategoryWeight, category),
            new("area", weights.AreaWeight, area),
            new("capacity", weights.CapacityWeight, Round((double)offer.Remaining / r.MonthlyCapacity)),
            new("availability", weights.AvailabilityWeight, Availability(order, r)),
            new("trackRecord", weights.TrackRecordWeight, TrackRecord(offer.Record)),
            new("fairness", weights.FairnessWeight, Round(1.0 / (1 + offer.Record.Open))),
        ];
        return new Suggestion(r.Id, r.UnitId, r.Title, Round(reasons.Sum(x => x.Weight * x.Value)), reasons);
    }

    /// <summary>Best first; equal scores by resource id, so the order never depends on read order.</summary>
    public static IReadOnlyList<Suggestion> Rank(IEnumerable<Suggestion> suggestions, int keep) =>
        suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.ResourceId, StringComparer.Ordinal).Take(keep).ToList();

    /// <summary>Same grid 1, same community 0.75, same street 0.5, whole district 0.25, elsewhere 0.</summary>
    public static double Area(IReadOnlyList<string> orderPath, IReadOnlyList<string> areaIds)
    {
        var deepest = -1;
        for (var i = 0; i < orderPath.Count; i++) if (areaIds.Contains(orderPath[i])) deepest = i;
        return deepest < 0 ? 0 : Math.Min(1, 0.25 * (deepest + 1));
    }

    /// <summary>
    /// Completion rate and stars, each with a neutral prior worth a few orders (0.8 completion, 4 stars), so a new
    /// unit starts in the middle instead of at the bottom.
    /// </summary>
    public static double TrackRecord(UnitRecord record)
    {
        // Finished orders only: one still in progress is neither a success nor a failure yet.
        var completion = (record.Completed + (4 * 0.8)) / (record.Completed + record.Failed + 4);
        var stars = (record.StarsSum + (3 * 4.0)) / (record.Rated + 3);
        return Round((0.5 * completion) + (0.5 * (stars - 1) / 4));
    }

    /// <summary>
    /// Overlap of the resource's weekly windows (China Standard Time) with the order's preferred window, looking at
    /// most two weeks ahead; two hours of overlap is full marks. No preferred window: 0.5.
    /// </summary>
    public static double Availability(OrderNeed order, Resource r)
    {
        if (order.PreferredFrom is not { } from || order.PreferredTo is not { } to || to <= from) return 0.5;
        if (to - from > LookAhead) to = from + LookAhead;
        var overlap = TimeSpan.Zero;
        var localFrom = ChinaTime.Of(from);
        var localTo = ChinaTime.Of(to);
        for (var day = localFrom.Date; day <= localTo.Date; day = day.AddDays(1))
        {
            var date = DateOnly.FromDateTime(day);
            if (date < r.ValidFrom || date > r.ValidTo) continue;
            var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
            foreach (var w in r.Availability.Where(w => w.Weekday == weekday))
            {
                var start = ChinaTime.At(day, TimeOnly.Parse(w.From, System.Globalization.CultureInfo.InvariantCulture));
                var end = ChinaTime.At(day, TimeOnly.Parse(w.To, System.Globalization.CultureInfo.InvariantCulture));
                var a = start > localFrom ? start : localFrom;
                var b = end < localTo ? end : localTo;
                if (b > a) overlap += b - a;
            }
        }
        var wanted = to - from < UsefulOverlap ? to - from : UsefulOverlap;
        return Round(Math.Min(1, overlap / wanted));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
