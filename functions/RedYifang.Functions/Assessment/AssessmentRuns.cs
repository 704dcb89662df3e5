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
/// A run costs little more than reading its totals: the organisations are kept between runs (<see cref="DistrictOrgs"/>),
/// each ranking's current version is read while the totals load, and the rankings that changed are published together,
/// each with only its rows that changed and its meta row in one transaction (<see cref="RankingStore"/>).
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
        // The reads are independent: issued together, the run costs about as much as its largest read, the totals. The meta
        // rows and the indicator set go first, so that a store serving requests one at a time (Azurite) has them done by
        // the time it has the totals; the meta rows are needed only once the scores are.
        var known = ReadMetas(districtId, period, orgs.Known(districtId) ?? [], ct);
        var setTask = indicators.GetAsync(districtId, period, ct);
        var totalsTask = facts.TotalsAsync(period, districtId, ct);
        var membersTask = orgs.InDistrictAsync(districtId, ct);
        var currentTask = CurrentAsync(districtId, period, known, membersTask, ct);
        await Task.WhenAll(setTask, totalsTask, membersTask);
        var (set, _) = await setTask;
        var candidates = Candidates(await totalsTask, await membersTask);
        var byStreet = candidates.Where(c => c.StreetId is not null).ToLookup(c => c.StreetId!, StringComparer.Ordinal);
        var published = new ConcurrentDictionary<RankingScope, RankingMeta?>();
        // Each scope is scored and published on its own, as many at once as there are processors, the district (the
        // largest) first: more would only share them, and the district's scoring would take longer.
        await Parallel.ForEachAsync(
            ScopesOf(districtId, await membersTask),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            async (scope, token) =>
            {
                var ranked = Rank(set, scope.IsStreet ? byStreet[scope.OrgId] : candidates);
                published[scope] = await PublishAsync(scope, period, ranked, (await currentTask).GetValueOrDefault(scope), token);
            });
        return published[new RankingScope(districtId, false)];
    }

    private Dictionary<RankingScope, Task<(RankingMeta Meta, ETag ETag)?>> ReadMetas(
        string districtId,
        Period period,
        IReadOnlyList<Org> members,
        CancellationToken ct) =>
        ScopesOf(districtId, members).ToDictionary(scope => scope, scope => rankings.MetaAsync(scope, period.Text, ct));

    /// <summary>
    /// Each scope's published meta row (the district's, then its streets'): those <paramref name="known"/> from the previous
    /// run, read at once, and those of streets new since then, once the organisations are in.
    /// </summary>
    private async Task<Dictionary<RankingScope, (RankingMeta Meta, ETag ETag)?>> CurrentAsync(
        string districtId,
        Period period,
        Dictionary<RankingScope, Task<(RankingMeta Meta, ETag ETag)?>> known,
        Task<IReadOnlyList<Org>> membersTask,
        CancellationToken ct)
    {
        foreach (var scope in ScopesOf(districtId, await membersTask))
        {
            if (!known.ContainsKey(scope)) known[scope] = rankings.MetaAsync(scope, period.Text, ct);
        }
        await Task.WhenAll(known.Values);
        return known.ToDictionary(x => x.Key, x => x.Value.Result);
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

    private static List<Ranked> Rank(IndicatorSet set, IEnumerable<Candidate> among) =>
        [.. among.GroupBy(c => c.PeerGroup).OrderBy(g => g.Key).SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g))];

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
        var meta = new RankingMeta(period.Text, version.Version, final, generatedAt, scope.OrgId, scope.IsStreet,
            [.. version.Parts.Select(p => p.Key)]);
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
