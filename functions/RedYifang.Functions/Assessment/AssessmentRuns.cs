using Azure;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A ranking run for one district and period: reads the district's indicator set, organisations and running totals
/// (each one key range of its own), scores each peer group across the district and within each street, and
/// publishes each of those rankings as a new version — unless nothing changed, or that ranking is already final.
/// The first run after the period's evaluation window closes makes its rankings final (<see cref="Finality(Period, DateTimeOffset)"/>);
/// nothing changes them afterwards. Another district's
/// rows are never read or written.
/// </summary>
/// <remarks>
/// A run costs little more than reading its totals: the organisations are kept between runs (<see cref="DistrictOrgs"/>),
/// the indicator set and every scope's current version come in one query while the totals load, only the peer groups whose
/// members' totals (or names, streets or weights) changed are scored again (<see cref="ScoredGroups"/>), and the rankings
/// that changed are published together, each with only its parts that changed — usually one transaction in all
/// (<see cref="RankingStore"/>).
/// </remarks>
public sealed partial class AssessmentRuns(
    FactStore facts,
    RankingStore rankings,
    DistrictOrgs orgs,
    ScoredGroups groups,
    TimeProvider clock,
    ILogger<AssessmentRuns> logger,
    Microsoft.Extensions.Options.IOptions<Evaluations.EvaluationOptions> evaluations)
{
    public const string Queue = "assessment-runs";

    public sealed record RunMessage(string DistrictId, string Period);

    /// <summary>Runs the district's ranking and its streets'; returns the district's ranking as published.</summary>
    public async Task<RankingMeta?> RunAsync(string districtId, Period period, CancellationToken ct)
    {
        // The reads are independent: issued together, the run costs about as much as its largest read, the totals. The totals
        // go first: a store that answers in turn (Azurite) then answers the two small reads while this process still parses
        // the last page of totals, rather than hold the totals behind them.
        var (final, generatedAt) = Finality(period, clock.GetUtcNow());
        // A provisional run reads only the totals written since the last run here; a final one reads them all (KeptTotals).
        var totalsTask = facts.StampedTotalsAsync(period, districtId, inFull: final, ct);
        var currentTask = rankings.DistrictAsync(districtId, period.Text, ct);
        var membersTask = orgs.InDistrictAsync(districtId, ct);
        await Task.WhenAll(currentTask, totalsTask, membersTask);
        var current = await currentTask;
        var set = current.Set ?? Catalogue.Default(period.Text);
        var members = await membersTask;
        var (totals, stamps) = await totalsTask;
        var candidates = Candidates(totals, members);
        var byStreet = candidates.Where(c => c.StreetId is not null).ToLookup(c => c.StreetId!, StringComparer.Ordinal);
        var scopes = ScopesOf(districtId, members);
        var changes = new RankingStore.Publication?[scopes.Count];
        var scored = new ScoredGroups.Kept?[scopes.Count];
        // Each scope is scored on its own, as many at once as there are processors, the district (the largest) first: more
        // would only share them, and the district's scoring would take longer.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scopes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            (i, _) =>
            {
                var scope = scopes[i];
                (RankingMeta Meta, ETag ETag)? now = current.Metas.TryGetValue(scope.OrgId, out var c) ? c : null;
                if (now?.Meta.Final == true) return ValueTask.CompletedTask;   // a final ranking never changes
                var (version, kept) = groups.Score(scope, period.Text, set, scope.IsStreet ? byStreet[scope.OrgId] : candidates, stamps,
                    now?.Meta);
                (changes[i], scored[i]) = (Change(scope, period, version, now, final, generatedAt), kept);
                return ValueTask.CompletedTask;
            });
        var published = await rankings.PublishAsync(districtId, period.Text, changes.OfType<RankingStore.Publication>().ToList(),
            clock.GetUtcNow(), ct);
        if (published is null)
        {
            // Another run published first: its rankings stand.
            return (await rankings.MetaAsync(scopes[0], period.Text, ct))?.Meta;
        }
        // Every scope scored now holds the version scored: published now, or unchanged.
        for (var i = 0; i < scopes.Count; i++)
        {
            if (scored[i] is { } kept) groups.Keep(scopes[i], period.Text, kept);
        }
        foreach (var meta in published) LogPublished(meta.ScopeId, period.Text, meta.Version, final);
        return published.FirstOrDefault(m => !m.StreetScope) ?? current.Metas.GetValueOrDefault(districtId).Meta;
    }

    private static List<RankingScope> ScopesOf(string districtId, IReadOnlyList<Org> members) =>
        [
            new RankingScope(districtId, null),
            .. members.Where(o => o.Kind == OrgKind.Street).Select(s => new RankingScope(districtId, s.Id)),
        ];

    private static List<Candidate> Candidates(Dictionary<string, Totals> totals, IReadOnlyList<Org> members) =>
        members
            .Select(o => (org: o, group: Catalogue.GroupOf(o)))
            .Where(x => x.group is not null)
            .Select(x => new Candidate(x.org.Id, x.org.Name, x.group!.Value, x.org.Path.Count > 1 ? x.org.Path[1] : null,
                totals.GetValueOrDefault(x.org.Id, Totals.Empty)))
            .OrderBy(c => c.OrgId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The scope's new version, or null when it has not changed.</summary>
    private static RankingStore.Publication? Change(
        RankingScope scope,
        Period period,
        RankingVersion version,
        (RankingMeta Meta, ETag ETag)? current,
        bool final,
        DateTimeOffset generatedAt)
    {
        if (current is { } c && c.Meta.Version == version.Version && c.Meta.Final == final) return null;
        var meta = new RankingMeta(period.Text, version.Version, final, generatedAt, scope.DistrictId, scope.OrgId, scope.IsStreet,
            [.. version.Parts.Select(p => p.Key)], []);
        return new RankingStore.Publication(meta, version, current);
    }

    /// <summary>This app's <see cref="Finality(Period, DateTimeOffset, int)"/>, with its evaluation window (<c>Evaluations:WindowDays</c>).</summary>
    public (bool Final, DateTimeOffset GeneratedAt) Finality(Period period, DateTimeOffset now) =>
        Finality(period, now, evaluations.Value.WindowDays);

    /// <summary>
    /// Whether a run at <paramref name="now"/> publishes the period's ranking as final and the time it is dated. A period's
    /// evaluations are written after it ends, for <paramref name="evaluationWindowDays"/> days (Evaluations/EvaluationWindow.cs),
    /// and count in its ranking: so its ranking stays provisional until that window closes (China time), then is final, dated
    /// at the close; a provisional one is dated at the run (docs/evaluations.md, "Rankings wait for the window").
    /// </summary>
    public static (bool Final, DateTimeOffset GeneratedAt) Finality(Period period, DateTimeOffset now, int evaluationWindowDays)
    {
        var closes = Evaluations.EvaluationWindow.Of(period, evaluationWindowDays).ClosesAt;
        return now >= closes ? (true, closes) : (false, now);
    }

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
