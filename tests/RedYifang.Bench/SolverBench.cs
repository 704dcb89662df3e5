using System.Diagnostics;
using Google.OrTools.Graph;
using RedYifang.Functions.Matching;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Issue 4's benchmark: the project's solver against OR-Tools' min-cost flow on the same instances. Each solve
/// runs in a child process of its own so its peak resident memory (VmHWM) is its own.
/// </summary>
public static class SolverBench
{
    private static readonly (int Orders, int Resources)[] Sizes = [(1_000, 200), (5_000, 1_000), (20_000, 2_000)];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("instance (orders x resources)   solver    seconds   peak MB   objective");
        foreach (var (orders, resources) in Sizes)
        {
            var ours = await ChildAsync("ours", orders, resources);
            var reference = await ChildAsync("ortools", orders, resources);
            Console.WriteLine($"{orders,6} x {resources,-5}                  ours     {ours.Seconds,7:0.000}   {ours.PeakMb,7:0}   {ours.Objective}");
            Console.WriteLine($"{"",30}  OR-Tools {reference.Seconds,7:0.000}   {reference.PeakMb,7:0}   {reference.Objective}");
            Console.WriteLine($"{"",30}  time ratio (ours / OR-Tools) {ours.Seconds / reference.Seconds:0.00}x, objectives {(ours.Objective == reference.Objective ? "equal" : "DIFFER")}");
        }
        return 0;
    }

    /// <summary>The child: builds the instance, solves it once, prints "seconds peakMb objective".</summary>
    public static int Solve(string solver, int orders, int resources)
    {
        var problem = AssignmentInstances.Random(42, orders, resources, 5, 50, 20);
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
        var ceiling = perOrder + 2 * perTier + AssignmentProblem.MaxScore;
        for (var o = 0; o < p.Orders; o++) flow.AddArcWithCapacityAndUnitCost(source, o, 1, 0);
        foreach (var (order, resource, score) in p.Pairs) flow.AddArcWithCapacityAndUnitCost(order, p.Orders + resource, 1, ceiling - p.Value(order, score));
        for (var r = 0; r < p.Resources; r++) flow.AddArcWithCapacityAndUnitCost(p.Orders + r, sink, p.Capacity[r], 0);
        flow.SetNodeSupply(source, p.Orders);
        flow.SetNodeSupply(sink, -p.Orders);
        if (flow.SolveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException("OR-Tools failed");
        return flow.MaximumFlow() * ceiling - flow.OptimalCost();
    }

    private static double PeakResidentMb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).First();

    private static async Task<(double Seconds, double PeakMb, long Objective)> ChildAsync(string solver, int orders, int resources)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var a in new[] { "solve-one", solver, orders.ToString(), resources.ToString() }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = (await child.StandardOutput.ReadToEndAsync()).Trim().Split(' ');
        await child.WaitForExitAsync();
        return (double.Parse(output[0]), double.Parse(output[1]), long.Parse(output[2]));
    }
}
