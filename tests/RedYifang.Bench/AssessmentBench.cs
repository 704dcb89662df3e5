using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedYifang.Functions;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// The assessment benchmark (issues 6, 12 and 14). Two private Azurites: one holding a single district, one holding five
/// districts of the same shape (each: 10 streets, N organisations, F facts over a quarter). It times a district's
/// ranking run in each store — the multi-district run must cost no more than the single-district one — and, in each
/// store, a publishing run against merely reading the totals it needs, read just before it in the same round (issue 14:
/// at most 1.1×; after its first, a provisional run asks only for the totals rows written since its last, KeptTotals). Also the storage requests one fact costs (on the wire) and the in-memory scoring of 100,000
/// organisations.
/// </summary>
public static class AssessmentBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orgCount = args.Length > 0 ? int.Parse(args[0]) : 1_000;
        var factCount = args.Length > 1 ? int.Parse(args[1]) : 8_000;
        var districtCount = args.Length > 2 ? int.Parse(args[2]) : 5;
        // A period still open (next year), so every run is provisional and really computes.
        Period.TryParse($"{DateTimeOffset.UtcNow.Year + 1}-Q3", out var period);
        Console.WriteLine(
            $"each district: 10 streets, {orgCount} organisations, {factCount} facts; load {File.ReadAllText("/proc/loadavg").Trim()}");

        await using var single = await Store.StartAsync();
        var alone = await SeedDistrictAsync(single, 0, orgCount, factCount, period);
        Console.WriteLine(
            $"storage requests per fact: {await RequestsPerFactAsync(single.Storage, alone.Units[0], alone.District, period)}");
        var singleRuns = await MeasureRunsAsync(single, alone, period, withRead: true);

        await using var shared = await Store.StartAsync();
        var seeded = new List<Seeded>();
        for (var d = 0; d < districtCount; d++) seeded.Add(await SeedDistrictAsync(shared, d, orgCount, factCount, period));
        var sharedRuns = await MeasureRunsAsync(shared, seeded[0], period, withRead: true);

        var workAlone = await RunWorkAsync(single.Storage, alone, period);
        var workShared = await RunWorkAsync(shared.Storage, seeded[0], period);
        Console.WriteLine(
            $"storage work of one run (a new fact first, counted on the wire): alone {workAlone}; among {districtCount} districts {workShared}");

        static double Median(IEnumerable<double> xs) => xs.Order().ElementAt(xs.Count() / 2);
        var (aloneRun, sharedRun) = (Median(singleRuns.Select(r => r.Run)), Median(sharedRuns.Select(r => r.Run)));
        Console.WriteLine($"one district's run, median of {singleRuns.Count}: alone in its store {aloneRun:0.000} s, " +
                          $"among {districtCount} districts {sharedRun:0.000} s → {sharedRun / aloneRun:0.00}× (goal ≤ 1.1×)");
        string RunOverRead(List<(double Run, double Read)> rounds) =>
            $"median of the rounds' ratios {Median(rounds.Select(r => r.Run / r.Read)):0.00}×, " +
            $"median run / median read {Median(rounds.Select(r => r.Run)) / Median(rounds.Select(r => r.Read)):0.00}×";
        Console.WriteLine($"publishing run / reading its totals ({singleRuns.Count} rounds, goal ≤ 1.1×): alone in its store " +
                          $"{RunOverRead(singleRuns)}; among {districtCount} districts {RunOverRead(sharedRuns)}");
        ScoreInMemory(100_000);
        return 0;
    }

    private sealed record Seeded(string District, List<string> Units);

    /// <summary>A private Azurite and the app's services over it.</summary>
    private sealed class Store : IAsyncDisposable
    {
        public required Azurite Storage { get; init; }
        public required ServiceProvider Services { get; init; }
        public OrgStore Orgs => Services.GetRequiredService<OrgStore>();
        public FactStore Facts => Services.GetRequiredService<FactStore>();
        public AssessmentRuns Runs => Services.GetRequiredService<AssessmentRuns>();

        public static async Task<Store> StartAsync()
        {
            // In memory: Azurite's periodic save of a store on disk stalls every request for up to seconds (Azurite.cs).
            var storage = await Azurite.StartInMemoryAsync();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storage.ConnectionString,
                ["Auth:SigningKey"] = new string('k', 48),
            }).Build();
            return new Store
            {
                Storage = storage,
                Services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddRedYifang(configuration)
                    .BuildServiceProvider(),
            };
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Storage.DisposeAsync();
        }
    }

    private static async Task<Seeded> SeedDistrictAsync(Store store, int index, int orgCount, int factCount, Period period)
    {
        var clock = Stopwatch.StartNew();
        var (district, units) = await SeedOrgsAsync(store.Orgs, index, orgCount);
        await Parallel.ForEachAsync(Enumerable.Range(0, factCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var org = units[i % units.Count];
            var at = period.Start.AddMinutes((i * 7919L) % (int)(period.End - period.Start).TotalMinutes);
            var fact = new Fact($"o{i}|accepted", org, FactKind.Accepted, at, $"o{i}", i % 5 != 0, 1 + (i % 7), 1 + (i % 9),
                DistrictId: district);
            await store.Facts.RecordAsync(fact, ct);
        });
        Console.WriteLine($"district {index}: {units.Count} organisations and {factCount} facts " +
                          $"recorded in {clock.Elapsed.TotalSeconds:0.0} s " +
                          $"({factCount / clock.Elapsed.TotalSeconds:0} facts/s incl. organisations, concurrency 32)");
        return new Seeded(district, units);
    }

    private const int Rounds = 9;

    /// <summary>
    /// A warm-up run, then <see cref="Rounds"/> rounds in each of which one more fact arrives first, so every run publishes
    /// a new version. Returns each round's run time and the time reading its totals took just before.
    /// </summary>
    private static async Task<List<(double Run, double Read)>> MeasureRunsAsync(Store store, Seeded district, Period period, bool withRead)
    {
        await store.Runs.RunAsync(district.District, period, CancellationToken.None);
        var times = new List<(double, double)>();
        for (var round = 1; round <= Rounds; round++)
        {
            await store.Facts.RecordAsync(new Fact(
                $"late{round}|accepted",
                district.Units[round],
                FactKind.Accepted,
                period.Start.AddDays(1),
                $"late{round}",
                true,
                5,
                5,
                DistrictId: district.District));
            var read = Stopwatch.StartNew();
            var totals = withRead ? await store.Facts.TotalsAsync(period, district.District, CancellationToken.None) : [];
            read.Stop();
            var orgRead = Stopwatch.StartNew();
            var members = withRead ? await store.Orgs.InDistrictAsync(district.District, CancellationToken.None) : [];
            orgRead.Stop();
            var run = Stopwatch.StartNew();
            var meta = await store.Runs.RunAsync(district.District, period, CancellationToken.None);
            run.Stop();
            times.Add((run.Elapsed.TotalSeconds, read.Elapsed.TotalSeconds));
            Console.WriteLine(withRead
                ? $"  round {round}: reading the totals of {totals.Count} organisations {read.Elapsed.TotalSeconds:0.000} s, " +
                  $"the {members.Count} organisations " +
                  $"{orgRead.Elapsed.TotalSeconds:0.000} s; ranking run (reads them too, " +
                  $"scores the district and its 10 streets, writes version {meta!.Version}) {run.Elapsed.TotalSeconds:0.000} s; " +
                  $"ratio {run.Elapsed / read.Elapsed:0.00}x"
                : $"  round {round}: ranking run {run.Elapsed.TotalSeconds:0.000} s (version {meta!.Version})");
        }
        var unchanged = Stopwatch.StartNew();
        await store.Runs.RunAsync(district.District, period, CancellationToken.None);
        Console.WriteLine($"  a re-run with no new facts: {unchanged.Elapsed.TotalSeconds:0.000} s (same version, nothing written)");
        return times;
    }

    private static async Task<(string District, List<string> Units)> SeedOrgsAsync(OrgStore orgs, int index, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var prefix = $"org_b{index}";
        var district = new Org {
            Id = $"{prefix}-district",
            Kind = OrgKind.District,
            Name = $"基准区{index}",
            Path = [$"{prefix}-district"],
            CreatedAt = now };
        await orgs.AddAsync(district, "bench");
        var streets = Enumerable.Range(0, 10).Select(s => new Org
        {
            Id = $"{prefix}-s{s}", Kind = OrgKind.Street, ParentId = district.Id, Name = $"街道{s}", Path = [district
                .Id, $"{prefix}-s{s}"], CreatedAt = now,
        }).ToList();
        foreach (var street in streets) await orgs.AddAsync(street, "bench");
        var kinds = Enum.GetValues<UnitKind>();
        var units = Enumerable.Range(0, count).Select(i =>
        {
            var street = streets[i % streets.Count];
            var id = $"{prefix}-u{i:00000}";
            return new Org
            {
                Id = id, Kind = OrgKind.Unit, ParentId = street.Id, Name = $"单位{i}", UnitKind = kinds[i % kinds.Length], PartyBranches = 1,
                PartyMembers = 10, Path = [.. street.Path, id], CreatedAt = now,
            };
        }).ToList();
        await Parallel.ForEachAsync(
            units,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (u, _) => await orgs.AddAsync(u, "bench", _));
        return (district.Id, units.ConvertAll(u => u.Id));
    }

    /// <summary>
    /// The requests one run sends (after one more fact, so it publishes) and the rows it reads, through clients whose
    /// pipeline counts them: the same in any store if a run reads only its district's key ranges. A run before the one
    /// counted meets the tables and the district's organisations, which a process then keeps.
    /// </summary>
    private static async Task<string> RunWorkAsync(Azurite storage, Seeded district, Period period)
    {
        var counter = new StorageRequestCounter();
        await using var provider = counter.Services(storage);
        var facts = provider.GetRequiredService<FactStore>();
        var runs = provider.GetRequiredService<AssessmentRuns>();
        await runs.RunAsync(district.District, period, CancellationToken.None);
        await facts.RecordAsync(new Fact("work|accepted", district.Units[7], FactKind.Accepted, period.Start.AddDays(2), "work", true, 3, 3,
            DistrictId: district.District));
        var rows = (await facts.TotalsAsync(period, district.District, CancellationToken.None)).Count;
        counter.Start();
        await runs.RunAsync(district.District, period, CancellationToken.None);
        return $"{counter.Stop()} requests, the totals of {rows} organisations read";
    }

    /// <summary>Records one more fact through a client whose pipeline counts the HTTP requests it sends.</summary>
    private static async Task<string> RequestsPerFactAsync(Azurite storage, string org, string district, Period period)
    {
        var counter = new StorageRequestCounter();
        await using var provider = counter.Services(storage);
        var facts = provider.GetRequiredService<FactStore>();
        await facts.RecordAsync(
            new Fact("warm|accepted", org, FactKind.Accepted, period.Start.AddDays(1), "warm", true, 1, 1, DistrictId: district));
        counter.Start();
        await facts.RecordAsync(
            new Fact("counted|accepted", org, FactKind.Accepted, period.Start.AddDays(2), "counted", true, 1, 1, DistrictId: district));
        return counter.Stop();
    }

    private static void ScoreInMemory(int count)
    {
        var random = new Random(11);
        var candidates = Enumerable.Range(0, count).Select(i =>
        {
            var t = Totals.Empty;
            for (
                var k = 0;
                k < 1 + (i % 5);
                k++) t = t.Add(new Fact(
                    $"{i}-{k}",
                    "x",
                    FactKind.Accepted,
                    DateTimeOffset.UnixEpoch,
                    "o",
                    random.Next(5) > 0,
                    random.Next(1, 10),
                    random.Next(1, 20)));
            t = t.Add(new Fact($"{i}-r", "x", FactKind.Rated, DateTimeOffset.UnixEpoch, "o", Stars: random.Next(1, 6)));
            return new Candidate($"org_{i:000000}", "单位", (PeerGroup)(i % 5), null, t);
        }).ToList();
        var set = Catalogue.Default("2026");
        RankingMath.Rank(PeerGroup.Agency, set.Groups[PeerGroup.Agency], candidates.Take(1000).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var ranked = candidates.GroupBy(c => c.PeerGroup).Sum(g => RankingMath.Rank(g.Key, set.Groups[g.Key], g.ToList()).Count);
        clock.Stop();
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
        Console.WriteLine(
            $"in-memory scoring of {ranked} organisations: {clock.Elapsed.TotalMilliseconds:0} ms, {megabytes:0.0} MB allocated");
    }
}
