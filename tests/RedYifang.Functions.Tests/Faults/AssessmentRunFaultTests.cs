using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Faults;

/// <summary>
/// Storage stops during a ranking run asked for over HTTP — while it reads the running totals, or at its first write of the
/// new version — and comes back. The run is tried again from its queue and publishes the new ranking; every answer a reader
/// got meanwhile was either the previous ranking, whole, or the new one, whole (503 while storage was down): never a mix, a
/// partial list or an error. The district's ranking and its street's both end at the new figures. The period is next year's
/// June, so the rankings stay provisional and a run may replace them.
/// </summary>
public sealed class AssessmentRunFaultTests(ITestOutputHelper output)
{
    public static TheoryData<string> Points => ["totals read", "first ranking write"];

    private static bool At(string point, Request r)
    {
        var uri = r.Uri.ToString();
        if (point == "totals read")
        {
            return r.Method == RequestMethod.Get && uri.Contains($"/{FactStore.TableName}()", StringComparison.Ordinal)
                && uri.Contains("totals", StringComparison.Ordinal);
        }
        if (r.Method == RequestMethod.Get) return false;
        // A write to the Rankings table, alone or in a transaction, that is not about the queued request for the run (its outbox
        // row staged, then removed once sent). A transaction writing the ranking's own rows (parts r|…, meta rows meta|…) counts
        // though it stages an outbox row too: a new version's meta row goes with its integration event.
        var body = StorageFaults.Body(r);
        var ownRows = body.Contains("\"RowKey\":\"r|", StringComparison.Ordinal)
            || body.Contains("\"RowKey\":\"meta|", StringComparison.Ordinal);
        return (uri.Contains($"/{RankingStore.TableName}", StringComparison.Ordinal)
                || body.Contains($"/{RankingStore.TableName}", StringComparison.Ordinal))
            && !uri.Contains("outbox", StringComparison.Ordinal)
            && (ownRows || !body.Contains("\"RowKey\":\"outbox|", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_run_broken_by_an_outage_publishes_on_retry_and_readers_only_ever_see_a_whole_ranking(string point)
    {
        await using var f = await FaultApp.StartAsync(output);
        var app = f.App;
        var d = await f.Slice.DistrictAsync("ranking-fault");
        var e1 = await d.OrgAsync(app, "unit", d.StreetId, "第一企业", "nonPublicEnterprise");
        var e2 = await d.OrgAsync(app, "unit", d.StreetId, "第二企业", "nonPublicEnterprise");
        var facts = f.Service<FactStore>();
        var nextYear = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1;
        var period = Period.TryParse($"{nextYear}-06", out var p) ? p : throw new InvalidOperationException("no period");
        Fact Accepted(string org, string order, int day, decimal hours) => new(
            $"{order}|accepted|{org}", org, FactKind.Accepted, period.Start.AddDays(day), order, true, hours, 2, DistrictId: d.DistrictId);
        await facts.RecordAsync(Accepted(e1, "ord_f1", 1, 2));
        await facts.RecordAsync(Accepted(e2, "ord_f2", 2, 5));

        var districtRanking = $"api/v1/rankings/{period.Text}?districtId={d.DistrictId}";
        var streetRanking = $"api/v1/rankings/{period.Text}?streetId={d.StreetId}";
        await RunAsync(app, d, period);
        var before = await PublishedAsync(app, districtRanking, version: null);
        var streetBefore = await PublishedAsync(app, streetRanking, version: null);

        // A fact that changes the order of the two enterprises, then the run that the outage breaks.
        await facts.RecordAsync(Accepted(e1, "ord_f3", 3, 8));
        var reads = new ConcurrentQueue<(int Status, string? Version, string? Items)>();
        using var stopReading = new CancellationTokenSource();
        var reader = ReadUntilCancelledAsync(app, districtRanking, reads, stopReading.Token);
        await f.QuietAsync();
        var trap = f.Faults.Arm(point, r => At(point, r));
        var asked = RunAsync(app, d, period);
        await f.OutageAtAsync(trap, whileDown: async () =>
            await (await app.SendAsync(HttpMethod.Get, districtRanking)).ExpectProblemAsync(503, "storage_unavailable"));
        await asked;                                                    // asked before the outage; the run itself broke

        var after = await PublishedAsync(app, districtRanking, version => version != before.Version);
        var streetAfter = await PublishedAsync(app, streetRanking, version => version != streetBefore.Version);
        // The reader is stopped once it has read the new version too: stopped as soon as this test had read it, its read in flight
        // could still be of the previous one (CI: every read of the reader was the previous version).
        await FaultApp.EventuallyAsync(() => Task.FromResult(reads.Any(r => r.Status == 200 && r.Version == after.Version)));
        await stopReading.CancelAsync();
        await reader;

        Assert.Equal([e2, e1], Ranked(before.Body, e1, e2));            // 5 hours against 2
        Assert.Equal([e1, e2], Ranked(after.Body, e1, e2));             // 10 hours now against 5
        Assert.Equal(Ids(before.Body), Ids(after.Body));                // every candidate, before and after
        Assert.Equal([e1, e2], Ranked(streetAfter.Body, e1, e2));
        Assert.Equal(Ids(streetBefore.Body), Ids(streetAfter.Body));
        var whole = new[] { (before.Version, Items(before.Body)), (after.Version, Items(after.Body)) };
        var answered = reads.Where(r => r.Status == 200).ToList();
        Assert.All(answered, r => Assert.Contains((r.Version!, r.Items!), whole));
        Assert.All(reads, r => Assert.Contains(r.Status, new[] { 200, 503 }));
        Assert.Contains(answered, r => r.Version == after.Version);
        await f.OutboxDrainedAsync();
        output.WriteLine($"fault at {point} ({trap.Held}): faults injected {f.FaultsInjected}; runs {f.Runs("AssessmentRuns")} " +
            $"({f.FailedRuns("AssessmentRuns")} failed and retried); storage calls failed {f.Faults.Failed}; reads during the run " +
            $"{reads.Count} ({answered.Count(r => r.Version == before.Version)} previous, " +
            $"{answered.Count(r => r.Version == after.Version)} new, {reads.Count(r => r.Status == 503)} 503); " +
            $"ranked rows checked {Ids(after.Body).Count + Ids(streetAfter.Body).Count}; " +
            f.OutboxCounts());
    }

    private static async Task RunAsync(AppUnderTest app, TestDistrict d, Period period) =>
        await (await app.SendAsync(HttpMethod.Post, "api/v1/assessment/runs", d.DistrictAdmin,
            new { districtId = d.DistrictId, period = period.Text })).ExpectAsync(202);

    /// <summary>The published ranking once it exists (and, when asked, its version satisfies <paramref name="version"/>).</summary>
    private static async Task<(string Version, JsonObject Body)> PublishedAsync(AppUnderTest app, string path, Func<string, bool>? version)
    {
        JsonObject? body = null;
        await FaultApp.EventuallyAsync(async () =>
        {
            var response = await app.SendAsync(HttpMethod.Get, path);
            body = response.StatusCode == System.Net.HttpStatusCode.OK ? await response.ExpectAsync(200) : null;
            return body is not null && (version is null || version(body.Str("version")));
        });
        Assert.NotNull(body);
        Assert.True(version is null || version(body.Str("version")), $"the ranking stayed at version {body.Str("version")}");
        return (body.Str("version"), body);
    }

    /// <summary>Reads the ranking again and again, keeping each answer's status, version and items.</summary>
    private static async Task ReadUntilCancelledAsync(AppUnderTest app, string path,
        ConcurrentQueue<(int Status, string? Version, string? Items)> reads, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var response = await app.SendAsync(HttpMethod.Get, path);
            var body = response.StatusCode == System.Net.HttpStatusCode.OK ? await response.ExpectAsync(200) : null;
            reads.Enqueue(((int)response.StatusCode, body?.Str("version"), body is null ? null : Items(body)));
            try
            {
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Items(JsonObject ranking) => ranking["items"]!.ToJsonString();

    private static List<string> Ids(JsonObject ranking) =>
        ranking["items"]!.AsArray().Select(i => i.Str("orgId")).Order(StringComparer.Ordinal).ToList();

    /// <summary>The given organisations in rank order (each must be ranked).</summary>
    private static List<string> Ranked(JsonObject ranking, params string[] orgs) =>
        ranking["items"]!.AsArray().Where(i => orgs.Contains(i.Str("orgId"))).OrderBy(i => i!["rank"]!.GetValue<int>())
            .Select(i => i.Str("orgId")).ToList();
}
