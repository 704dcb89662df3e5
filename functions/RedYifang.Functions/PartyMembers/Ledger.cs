using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The ledger's rules, pure: what an award or a reversal adds to a member's ledger, given their standing with the source and
/// the month's totals. Append-only: an award adds an entry, a reversal adds a negative entry naming it; nothing is edited.
/// </summary>
public static class Ledger
{
    /// <summary>What one decision adds: the entry (null when it adds none), the source's new standing and the month's new totals.</summary>
    public sealed record Step(PointsEntry? Entry, SourceStanding Standing, MonthTotals Month);

    /// <summary>The month an instant counts toward (China Standard Time), as <c>2026-11</c>.</summary>
    public static string MonthOf(DateTimeOffset at) => ChinaTime.Month(at);

    /// <summary>
    /// Points for an approved decision: <paramref name="full"/> points (per check-in, or hours × per hour) unless the source
    /// already stands awarded, or this decision is no later than the last one applied (a repeat: nothing). The source's
    /// monthly cap limits the entry to what the month leaves of it (net of reversals); such an entry says so.
    /// </summary>
    public static Step? Award(SourceStanding? standing, MonthTotals month, PointsSource source, string sourceId, decimal full,
        decimal hours, SourceRule? rule, int? ruleVersion, DateTimeOffset at, string entryId)
    {
        if (standing is not null && at <= standing.LastAt) return null;
        if (standing?.Award is not null) return new Step(null, standing with { LastAt = at }, month);
        if (month.Month != MonthOf(at)) throw new ArgumentException($"An award at {at} counts toward {MonthOf(at)}, not {month.Month}.");
        var points = full;
        var capped = false;
        if (rule?.MonthlyCap is { } cap && month.Of(source) + full > cap)
        {
            points = Math.Max(0, cap - month.Of(source));
            capped = true;
        }
        var entry = new PointsEntry(entryId, source, sourceId, points, hours, ruleVersion, at, month.Month, null, capped,
            capped ? full : null);
        return new Step(entry, new SourceStanding(source, sourceId, at, entry), month.With(entry));
    }

    /// <summary>
    /// A declined decision takes back the award standing for the source, in the award's month (<paramref name="awardMonth"/>):
    /// a negative entry naming it. With nothing standing it adds no entry but is remembered, so an earlier approval arriving
    /// late changes nothing; a repeat changes nothing.
    /// </summary>
    public static Step? Reverse(SourceStanding? standing, MonthTotals? awardMonth, PointsSource source, string sourceId, DateTimeOffset at,
        string entryId)
    {
        if (standing is not null && at <= standing.LastAt) return null;
        if (standing?.Award is not { } award)
        {
            return new Step(null, new SourceStanding(source, sourceId, at, null), awardMonth ?? MonthTotals.Empty(MonthOf(at)));
        }
        if (awardMonth?.Month != award.Month) throw new ArgumentException($"The award counts toward {award.Month}.", nameof(awardMonth));
        var entry = new PointsEntry(entryId, source, sourceId, -award.Points, -award.Hours, award.RuleVersion, at, award.Month, award.Id,
            false, null);
        return new Step(entry, standing with { LastAt = at, Award = null }, awardMonth.With(entry));
    }

    /// <summary>Attendance points: hours × points per hour, to two decimals.</summary>
    public static decimal ForHours(decimal hours, int perHour) => Math.Round(hours * perHour, 2, MidpointRounding.AwayFromZero);
}
