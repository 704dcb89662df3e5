using System.Diagnostics;
using Google.OrTools.Graph;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Resources;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Issue 4's benchmark: the project's solver against OR-Tools' min-cost flow on the same instances. Each solve
/// runs in a child process of its own so its peak resident memory (VmHWM) is its own; each instance is solved
/// <see cref="Repeats"/> times by each, alternating, and the medians compared, so a burst of load on a shared machine
/// weighs on both.
/// </summary>
public static class SolverBench
{
    private const int Repeats = 3;

    // The issue's instances (capacities 1–20), then issue 14's tight one: capacities 1–3, so most orders compete for few
    // slots and displace each other.
    private static readonly (int Orders, int Resources, int MaxCapacity)[] Instances =
        [(1_000, 200, 20), (5_000, 1_000, 20), (20_000, 2_000, 20), (20_000, 2_000, 3)];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}; median of {Repeats} solves each, alternating");
        Console.WriteLine("instance (orders x resources, capacities)   solver    seconds   peak MB   objective");
        var summary = new List<string>();
        foreach (var (orders, resources, maxCapacity) in Instances)
        {
            var ours = new List<(double Seconds, double PeakMb, long Objective)>();
            var reference = new List<(double Seconds, double PeakMb, long Objective)>();
            for (var i = 0; i < Repeats; i++)
            {
                ours.Add(await ChildAsync("ours", orders, resources, maxCapacity));
                reference.Add(await ChildAsync("ortools", orders, resources, maxCapacity));
            }
            var name = $"{orders} x {resources}, 1-{maxCapacity}";
            var oursSeconds = Median(ours.ConvertAll(x => x.Seconds));
            var referenceSeconds = Median(reference.ConvertAll(x => x.Seconds));
            var equal = ours.Concat(reference).Select(x => x.Objective).Distinct().Count() == 1;
            Console.WriteLine($"{name,-42}  ours     {oursSeconds,7:0.000}   {ours.Max(x => x.PeakMb),7:0}   {ours[0].Objective}");
            Console.WriteLine(
                $"{"",42}  OR-Tools {referenceSeconds,7:0.000}   {reference.Max(x => x.PeakMb),7:0}   {reference[0].Objective}");
            var ratio = $"{oursSeconds / referenceSeconds:0.00}x";
            Console.WriteLine($"{"",42}  time ratio (ours / OR-Tools) {ratio}, objectives {(equal ? "equal" : "DIFFER")}");
            summary.Add($"{name}: {ratio}{(maxCapacity == 3 ? " (goal ≤ 1.0x)" : "")}, objectives {(equal ? "equal" : "DIFFER")}");
        }
        Console.WriteLine($"solver time ratios (ours / OR-Tools): {string.Join("; ", summary)}");
        SuggestionTiming();
        return 0;
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    /// <summary>Re-ranking one order's suggestions against 2,000 resources, in memory (scoring and ranking only).</summary>
    private static void SuggestionTiming()
    {
        var scoring = new Scoring(new MatchingOptions());
        var path = new[] { "org_d", "org_s1", "org_c1", "org_g1" };
        var order = new OrderNeed("ord_x", Category.ElderlyCare, path, Urgency.High,
            new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        var random = new Random(7);
        var offers = Enumerable.Range(0, 2000).Select(i => new Offer(
            new Resource
            {
                Id = $"res_u{i}-x", UnitId = $"org_u{i % 300}", UnitPath = ["org_d", "org_s1", $"org_u{i % 300}"], Title = "资源",
                Category = i % 5 == 0 ? Category.Other : Category.ElderlyCare, Description = "", Kind = ResourceKind.Service,
                AreaIds = [path[random
                    .Next(0, 4)]], MonthlyCapacity = 10, Availability = [new AvailabilityWindow(1 + (i % 7), "09:00", "12:00")],
                ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2027, 12, 31), State = ResourceState.Published,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            },
            random.Next(1, 11), new UnitRecord(
                random.Next(0, 50),
                random.Next(0, 40),
                random.Next(0, 30),
                random.Next(0, 150),
                random.Next(0, 5)))).ToList();
        var today = new DateOnly(2026, 11, 29);
        for (var i = 0; i < 50; i++) Rank();
        const int rounds = 500;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) Rank();
        clock.Stop();
        Console.WriteLine($"suggestions for one order against {offers.Count} resources: " +
                          $"{clock.Elapsed.TotalMilliseconds / rounds:0.000} ms (mean of {rounds}, in memory)");

        void Rank() => Scoring.Rank(offers.Select(o => scoring.Score(order, o, today)).Where(x => x is not null).Select(x => x!), 10);
    }

    /// <summary>The child: builds the instance, solves it once, prints "seconds peakMb objective".</summary>
    public static int Solve(string solver, int orders, int resources, int maxCapacity = 20)
    {
        var problem = AssignmentInstances.Random(42, orders, resources, 5, 50, maxCapacity);
        var clock = Stopwatch.StartNew();
        var objective = solver == "ours" ? TransportationSolver.Solve(problem).Objective : OrTools(problem);
        clock.Stop();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds} {PeakResidentMb()} {objective}");
        return 0;
    }

    private static long OrTools(AssignmentProblem p)
    {
        var flow = new MinCostFlow();
        int source = p.Orders + p.Resources, sink = source + 1;
        var (perOrder, perTier) = p.Weights();
        var ceiling = perOrder + (2 * perTier) + AssignmentProblem.MaxScore;
        for (var o = 0; o < p.Orders; o++) flow.AddArcWithCapacityAndUnitCost(source, o, 1, 0);
        foreach (var (order, resource, score) in p.Pairs) flow.AddArcWithCapacityAndUnitCost(
            order,
            p.Orders + resource,
            1,
            ceiling - p.Value(order, score));
        for (var r = 0; r < p.Resources; r++) flow.AddArcWithCapacityAndUnitCost(p.Orders + r, sink, p.Capacity[r], 0);
        flow.SetNodeSupply(source, p.Orders);
        flow.SetNodeSupply(sink, -p.Orders);
        if (flow.SolveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException("OR-Tools failed");
        return (flow.MaximumFlow() * ceiling) - flow.OptimalCost();
    }

    private static double PeakResidentMb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).First();

    private static async Task<(double Seconds, double PeakMb, long Objective)> ChildAsync(
        string solver,
        int orders,
        int resources,
        int maxCapacity)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var a in new[] {
            "solve-one",
            solver,
            orders.ToString(),
            resources.ToString(),
            maxCapacity.ToString() }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = (await child.StandardOutput.ReadToEndAsync()).Trim().Split(' ');
        await child.WaitForExitAsync();
        return (double.Parse(output[0]), double.Parse(output[1]), long.Parse(output[2]));
    }
}
