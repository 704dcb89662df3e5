using System.Diagnostics;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedYifang.Functions;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Issue 6's benchmark against one Azurite: 5,000 organisations and 200,000 facts; the time of a ranking run
/// against the time merely to read the per-organisation totals it needs; the storage requests per recorded fact
/// (counted on the wire); and the in-memory scoring of 100,000 organisations.
/// </summary>
public static class AssessmentBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orgCount = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var factCount = args.Length > 1 ? int.Parse(args[1]) : 200_000;
        await using var storage = await Azurite.StartNewAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["Auth:SigningKey"] = new string('k', 48),
        }).Build();
        await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddRedYifang(configuration).BuildServiceProvider();
        var orgs = services.GetRequiredService<OrgStore>();
        var facts = services.GetRequiredService<FactStore>();
        var runs = services.GetRequiredService<AssessmentRuns>();
        // A period still open (next year), so every run is provisional and really computes.
        Period.TryParse($"{DateTimeOffset.UtcNow.Year + 1}-Q3", out var period);

        var units = await SeedOrgsAsync(orgs, orgCount);
        var clock = Stopwatch.StartNew();
        var random = new Random(3);
        await Parallel.ForEachAsync(Enumerable.Range(0, factCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var org = units[i % units.Count];
            var at = period.Start.AddMinutes((i * 7919L) % (int)(period.End - period.Start).TotalMinutes);
            await facts.RecordAsync(new Fact($"o{i}|accepted", org, FactKind.Accepted, at, $"o{i}", i % 5 != 0, 1 + i % 7, 1 + i % 9), ct);
        });
        Console.WriteLine($"recorded {factCount} facts for {units.Count} organisations in {clock.Elapsed.TotalSeconds:0.0} s ({factCount / clock.Elapsed.TotalSeconds:0} facts/s, concurrency 32)");
        Console.WriteLine($"storage requests per fact: {await RequestsPerFactAsync(storage, units[0], period)}");

        // Round 1 warms both paths. Before each later round one more fact arrives, so every run publishes a new version.
        for (var round = 1; round <= 3; round++)
        {
            if (round > 1)
            {
                await facts.RecordAsync(new Fact($"late{round}|accepted", units[round], FactKind.Accepted, period.Start.AddDays(1), $"late{round}", true, 5, 5));
            }
            var read = Stopwatch.StartNew();
            var totals = await facts.TotalsAsync(period, CancellationToken.None);
            read.Stop();
            var run = Stopwatch.StartNew();
            var meta = await runs.RunAsync(period, CancellationToken.None);
            run.Stop();
            Console.WriteLine($"round {round}: reading the totals of {totals.Count} organisations {read.Elapsed.TotalSeconds:0.000} s; " +
                              $"ranking run (reads them too, scores, writes version {meta!.Version}) {run.Elapsed.TotalSeconds:0.000} s; ratio {run.Elapsed / read.Elapsed:0.00}x");
        }
        var unchanged = Stopwatch.StartNew();
        await runs.RunAsync(period, CancellationToken.None);
        Console.WriteLine($"a re-run with no new facts: {unchanged.Elapsed.TotalSeconds:0.000} s (same version, nothing written)");
        ScoreInMemory(100_000);
        return 0;
    }

    private static async Task<List<string>> SeedOrgsAsync(OrgStore orgs, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var district = new Org("org_b-district", OrgKind.District, null, "基准区", null, null, null, null, ["org_b-district"], now);
        await orgs.AddAsync(district, "bench");
        var streets = Enumerable.Range(0, 10).Select(s => new Org($"org_b-s{s}", OrgKind.Street, district.Id, $"街道{s}", null, null, null, null, [district.Id, $"org_b-s{s}"], now)).ToList();
        foreach (var street in streets) await orgs.AddAsync(street, "bench");
        var kinds = Enum.GetValues<UnitKind>();
        var units = Enumerable.Range(0, count).Select(i =>
        {
            var street = streets[i % streets.Count];
            var id = $"org_b-u{i:00000}";
            return new Org(id, OrgKind.Unit, street.Id, $"单位{i}", kinds[i % kinds.Length], 1, 10, null, [.. street.Path, id], now);
        }).ToList();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (u, _) => await orgs.AddAsync(u, "bench"));
        return units.Select(u => u.Id).ToList();
    }

    /// <summary>Records one more fact through a client whose pipeline counts the HTTP requests it sends.</summary>
    private static async Task<string> RequestsPerFactAsync(Azurite storage, string org, Period period)
    {
        var counter = new CountingPolicy();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString, ["Auth:SigningKey"] = new string('k', 48),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddRedYifang(configuration);
        services.AddSingleton(new RedYifang.Functions.Platform.Storage.StorageClients(configuration, counter));
        await using var provider = services.BuildServiceProvider();
        var facts = provider.GetRequiredService<FactStore>();
        await facts.RecordAsync(new Fact("warm|accepted", org, FactKind.Accepted, period.Start.AddDays(1), "warm", true, 1, 1));
        counter.Requests.Clear();
        await facts.RecordAsync(new Fact("counted|accepted", org, FactKind.Accepted, period.Start.AddDays(2), "counted", true, 1, 1));
        return $"{counter.Requests.Count} ({string.Join(", ", counter.Requests)})";
    }

    private static void ScoreInMemory(int count)
    {
        var random = new Random(11);
        var candidates = Enumerable.Range(0, count).Select(i =>
        {
            var t = Totals.Empty;
            for (var k = 0; k < 1 + i % 5; k++) t = t.Add(new Fact($"{i}-{k}", "x", FactKind.Accepted, DateTimeOffset.UnixEpoch, "o", random.Next(5) > 0, random.Next(1, 10), random.Next(1, 20)));
            t = t.Add(new Fact($"{i}-r", "x", FactKind.Rated, DateTimeOffset.UnixEpoch, "o", Stars: random.Next(1, 6)));
            return new Candidate($"org_{i:000000}", "单位", (PeerGroup)(i % 5), null, t);
        }).ToList();
        var set = Catalogue.Default("2026");
        RankingMath.Rank(PeerGroup.Agency, set.Groups[PeerGroup.Agency], candidates.Take(1000).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var ranked = candidates.GroupBy(c => c.PeerGroup).SelectMany(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g.ToList())).Count();
        clock.Stop();
        Console.WriteLine($"in-memory scoring of {ranked} organisations: {clock.Elapsed.TotalMilliseconds:0} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0:0.0} MB allocated");
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public List<string> Requests { get; } = [];

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            lock (Requests) Requests.Add($"{message.Request.Method} {(uri.AbsolutePath.Contains("$batch") ? "$batch" : "entity")}");
        }
    }
}
