using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A ranking run for one period: reads the indicator set and every organisation's running totals for the period,
/// scores each peer group and publishes the result as a new version — unless nothing changed, or the period's
/// ranking is already final. The first run after a period ends makes its ranking final; nothing changes it afterwards.
/// </summary>
public sealed partial class AssessmentRuns(FactStore facts, RankingStore rankings, IndicatorSets indicators, OrgStore orgs, TimeProvider clock,
    ILogger<AssessmentRuns> logger)
{
    public const string Queue = "assessment-runs";

    public sealed record RunMessage(string Period);

    public async Task<RankingMeta?> RunAsync(Period period, CancellationToken ct)
    {
        var current = await rankings.MetaAsync(period.Text, ct);
        if (current?.Meta.Final == true) return current.Value.Meta;
        var now = clock.GetUtcNow();
        var final = now >= period.End;
        var ranked = await ComputeAsync(period, ct);
        var version = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ranked, Json.Options)))[..20];
        if (current is { } c && c.Meta.Version == version && c.Meta.Final == final) return c.Meta;
        await rankings.WriteVersionAsync(period.Text, version, ranked, ct);
        var meta = new RankingMeta(period.Text, version, final, final ? period.End : now);
        if (!await rankings.PublishAsync(meta, current?.ETag, ct)) return (await rankings.MetaAsync(period.Text, ct))?.Meta;
        LogPublished(period.Text, version, final);
        return meta;
    }

    public async Task<IReadOnlyList<Ranked>> ComputeAsync(Period period, CancellationToken ct)
    {
        // The three reads are independent: issue them together so the run costs about as much as its largest read.
        var setTask = indicators.GetAsync(period, ct);
        var totalsTask = facts.TotalsAsync(period, ct);
        var orgsTask = orgs.AllAsync(ct);
        await Task.WhenAll(setTask, totalsTask, orgsTask);
        var (set, _) = await setTask;
        var totals = await totalsTask;
        var candidates = (await orgsTask)
            .Select(o => (org: o, group: Catalogue.GroupOf(o)))
            .Where(x => x.group is not null)
            .Select(x => new Candidate(x.org.Id, x.org.Name, x.group!.Value, x.org.Path.Count > 1 ? x.org.Path[1] : null,
                totals.GetValueOrDefault(x.org.Id, Totals.Empty)))
            .OrderBy(c => c.OrgId, StringComparer.Ordinal)
            .ToList();
        return candidates.GroupBy(c => c.PeerGroup).OrderBy(g => g.Key)
            .SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g))
            .ToList();
    }

    /// <summary>The periods the daily run refreshes: the current month, quarter and year, and the previous ones until final.</summary>
    public static IEnumerable<Period> PeriodsAround(DateTimeOffset now)
    {
        var local = now.ToOffset(Period.ChinaOffset);
        var quarter = (local.Month - 1) / 3 + 1;
        var previousMonth = local.AddMonths(-1);
        var previousQuarter = local.AddMonths(-3);
        foreach (var text in new[]
                 {
                     $"{previousMonth:yyyy-MM}", $"{previousQuarter.Year}-Q{(previousQuarter.Month - 1) / 3 + 1}", $"{local.Year - 1}",
                     $"{local:yyyy-MM}", $"{local.Year}-Q{quarter}", $"{local.Year}",
                 })
        {
            if (Period.TryParse(text, out var period)) yield return period;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ranking for {Period} published as version {Version} (final: {Final})")]
    private partial void LogPublished(string period, string version, bool final);
}
