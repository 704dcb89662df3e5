using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A ranking run for one district and period: reads the district's indicator set, organisations and running totals
/// (each one key range of its own), scores each peer group across the district and within each street, and
/// publishes each of those rankings as a new version — unless nothing changed, or that ranking is already final.
/// The first run after a period ends makes its rankings final; nothing changes them afterwards. Another district's
/// rows are never read or written.
/// </summary>
/// <remarks>
/// A run costs about as much as reading its totals: the organisations are kept between runs (<see cref="DistrictOrgs"/>),
/// each ranking's current version is read while the totals load, and the rankings that changed are published together,
/// each with the breakdowns that changed and its meta row in one transaction (<see cref="RankingStore"/>).
/// </remarks>
public sealed partial class AssessmentRuns(
    FactStore facts,
    RankingStore rankings,
    IndicatorSets indicators,
    DistrictOrgs orgs,
    TimeProvider clock,
    ILogger<AssessmentRuns> logger)
{
    public const string Queue = "assessment-runs";

    public sealed record RunMessage(string DistrictId, string Period);

    /// <summary>Runs the district's ranking and its streets'; returns the district's ranking as published.</summary>
    public async Task<RankingMeta?> RunAsync(string districtId, Period period, CancellationToken ct)
    {
        // The reads are independent: issued together, the run costs about as much as its largest read, the totals.
        var setTask = indicators.GetAsync(districtId, period, ct);
        var totalsTask = facts.TotalsAsync(period, districtId, ct);
        var membersTask = orgs.InDistrictAsync(districtId, ct);
        var currentTask = CurrentAsync(districtId, period, membersTask, ct);
        await Task.WhenAll(setTask, totalsTask, membersTask, currentTask);
        var (set, _) = await setTask;
        var candidates = Candidates(await totalsTask, await membersTask);
        var byStreet = candidates.Where(c => c.StreetId is not null).ToLookup(c => c.StreetId!, StringComparer.Ordinal);
        var current = await currentTask;
        var published = new ConcurrentDictionary<RankingScope, RankingMeta?>();
        // Each scope is scored and published on its own, several at once: the scoring of one overlaps another's writes.
        await Parallel.ForEachAsync(
            ScopesOf(districtId, await membersTask),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (scope, token) =>
            {
                var ranked = Rank(set, scope.IsStreet ? [.. byStreet[scope.OrgId]] : candidates);
                published[scope] = await PublishAsync(scope, period, ranked, current.GetValueOrDefault(scope), token);
            });
        return published[new RankingScope(districtId, false)];
    }

    /// <summary>
    /// Each scope's published meta row (the district's, then its streets'): those known from the previous run are read at
    /// once, beside the totals; a street new since then, once the organisations are in.
    /// </summary>
    private async Task<Dictionary<RankingScope, (RankingMeta Meta, ETag ETag)?>> CurrentAsync(
        string districtId,
        Period period,
        Task<IReadOnlyList<Org>> membersTask,
        CancellationToken ct)
    {
        var reads = ScopesOf(districtId, orgs.Known(districtId) ?? [])
            .ToDictionary(scope => scope, scope => rankings.MetaAsync(scope, period.Text, ct));
        foreach (var scope in ScopesOf(districtId, await membersTask))
        {
            if (!reads.ContainsKey(scope)) reads[scope] = rankings.MetaAsync(scope, period.Text, ct);
        }
        await Task.WhenAll(reads.Values);
        return reads.ToDictionary(x => x.Key, x => x.Value.Result);
    }

    private static List<RankingScope> ScopesOf(string districtId, IReadOnlyList<Org> members) =>
        [new RankingScope(districtId, false), .. members.Where(o => o.Kind == OrgKind.Street).Select(s => new RankingScope(s.Id, true))];

    private static List<Candidate> Candidates(Dictionary<string, Totals> totals, IReadOnlyList<Org> members) =>
        members
            .Select(o => (org: o, group: Catalogue.GroupOf(o)))
            .Where(x => x.group is not null)
            .Select(x => new Candidate(x.org.Id, x.org.Name, x.group!.Value, x.org.Path.Count > 1 ? x.org.Path[1] : null,
                totals.GetValueOrDefault(x.org.Id, Totals.Empty)))
            .OrderBy(c => c.OrgId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Scores each peer group (a large scope's groups in parallel: the scoring is the longest step after the reads).</summary>
    private static List<Ranked> Rank(IndicatorSet set, IReadOnlyCollection<Candidate> among)
    {
        var groups = among.GroupBy(c => c.PeerGroup).OrderBy(g => g.Key);
        return among.Count < ParallelScoring
            ? [.. groups.SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g))]
            : [.. groups.AsParallel().AsOrdered().SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g))];
    }

    private const int ParallelScoring = 500;

    private async Task<RankingMeta?> PublishAsync(
        RankingScope scope,
        Period period,
        IReadOnlyList<Ranked> ranked,
        (RankingMeta Meta, ETag ETag)? current,
        CancellationToken ct)
    {
        if (current?.Meta.Final == true) return current.Value.Meta;
        var (final, generatedAt) = Finality(period, clock.GetUtcNow());
        var version = RankingVersion.Of(ranked);
        if (current is { } c && c.Meta.Version == version.Version && c.Meta.Final == final) return c.Meta;
        var meta = new RankingMeta(period.Text, version.Version, final, generatedAt, scope.OrgId, scope.IsStreet);
        if (!await rankings.PublishAsync(meta, version, current, ct)) return (await rankings.MetaAsync(scope, period.Text, ct))?.Meta;
        LogPublished(scope.OrgId, period.Text, version.Version, final);
        return meta;
    }

    /// <summary>
    /// Whether a run at <paramref name="now"/> publishes the period's ranking as final (the period has ended, in China
    /// time) and the time it is dated: a final ranking at the period's end, a provisional one at the run.
    /// </summary>
    public static (bool Final, DateTimeOffset GeneratedAt) Finality(Period period, DateTimeOffset now) =>
        now >= period.End ? (true, period.End) : (false, now);

    /// <summary>The periods the daily run refreshes: the current month, quarter and year, and the previous ones until final.</summary>
    public static IEnumerable<Period> PeriodsAround(DateTimeOffset now)
    {
        var local = ChinaTime.Of(now);
        var quarter = ((local.Month - 1) / 3) + 1;
        var previousMonth = local.AddMonths(-1);
        var previousQuarter = local.AddMonths(-3);
        foreach (var text in new[]
                 {
                     ChinaTime.Month(
                         previousMonth), $"{previousQuarter.Year}-Q{((previousQuarter.Month - 1) / 3) + 1}", $"{local.Year - 1}",
                     ChinaTime.Month(local), $"{local.Year}-Q{quarter}", $"{local.Year}",
                 })
        {
            if (Period.TryParse(text, out var period)) yield return period;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Ranking of {Scope} for {Period} published as version {Version} (final: {Final})")]
    private partial void LogPublished(string scope, string period, string version, bool final);
}
