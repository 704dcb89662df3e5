using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A ranking run for one district and period: reads the district's indicator set, organisations and running totals
/// (each one key range of its own), scores each peer group across the district and within each street, and
/// publishes each of those rankings as a new version — unless nothing changed, or that ranking is already final.
/// The first run after a period ends makes its rankings final; nothing changes them afterwards. Another district's
/// rows are never read or written.
/// </summary>
public sealed partial class AssessmentRuns(
    FactStore facts,
    RankingStore rankings,
    IndicatorSets indicators,
    OrgStore orgs,
    TimeProvider clock,
    ILogger<AssessmentRuns> logger)
{
    public const string Queue = "assessment-runs";

    public sealed record RunMessage(string DistrictId, string Period);

    /// <summary>Runs the district's ranking and its streets'; returns the district's ranking as published.</summary>
    public async Task<RankingMeta?> RunAsync(string districtId, Period period, CancellationToken ct)
    {
        var (district, streets) = await ComputeAsync(districtId, period, ct);
        var published = await PublishAsync(new RankingScope(districtId, false), period, district, ct);
        await Parallel.ForEachAsync(
            streets,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (street, token) =>
                await PublishAsync(new RankingScope(street.Key, true), period, street.Value, token));
        return published;
    }

    private async Task<(IReadOnlyList<Ranked> District, IReadOnlyDictionary<string, IReadOnlyList<Ranked>> Streets)> ComputeAsync(
        string districtId,
        Period period,
        CancellationToken ct)
    {
        // The three reads are independent: issue them together so the run costs about as much as its largest read.
        var setTask = indicators.GetAsync(districtId, period, ct);
        var totalsTask = facts.TotalsAsync(period, districtId, ct);
        var orgsTask = orgs.InDistrictAsync(districtId, ct);
        await Task.WhenAll(setTask, totalsTask, orgsTask);
        var (set, _) = await setTask;
        var totals = await totalsTask;
        var members = await orgsTask;
        var candidates = members
            .Select(o => (org: o, group: Catalogue.GroupOf(o)))
            .Where(x => x.group is not null)
            .Select(x => new Candidate(x.org.Id, x.org.Name, x.group!.Value, x.org.Path.Count > 1 ? x.org.Path[1] : null,
                totals.GetValueOrDefault(x.org.Id, Totals.Empty)))
            .OrderBy(c => c.OrgId, StringComparer.Ordinal)
            .ToList();
        IReadOnlyList<Ranked> Rank(IEnumerable<Candidate> among) => among.GroupBy(c => c.PeerGroup).OrderBy(g => g.Key)
            .SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g)).ToList();
        var streets = members.Where(o => o.Kind == OrgKind.Street)
            .ToDictionary(street => street.Id, street => Rank(candidates.Where(c => c.StreetId == street.Id)), StringComparer.Ordinal);
        return (Rank(candidates), streets);
    }

    private async Task<RankingMeta?> PublishAsync(RankingScope scope, Period period, IReadOnlyList<Ranked> ranked, CancellationToken ct)
    {
        var current = await rankings.MetaAsync(scope, period.Text, ct);
        if (current?.Meta.Final == true) return current.Value.Meta;
        var (final, generatedAt) = Finality(period, clock.GetUtcNow());
        var version = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ranked, Json.Options)))[..20];
        if (current is { } c && c.Meta.Version == version && c.Meta.Final == final) return c.Meta;
        await rankings.WriteVersionAsync(scope, period.Text, version, ranked, ct);
        var meta = new RankingMeta(period.Text, version, final, generatedAt, scope.OrgId, scope.IsStreet);
        if (!await rankings.PublishAsync(meta, current?.ETag, ct)) return (await rankings.MetaAsync(scope, period.Text, ct))?.Meta;
        LogPublished(scope.OrgId, period.Text, version, final);
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
