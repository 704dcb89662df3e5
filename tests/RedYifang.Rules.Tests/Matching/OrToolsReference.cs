using Google.OrTools.Graph;
using RedYifang.Functions.Matching;

namespace RedYifang.Rules.Tests.Matching;

/// <summary>Google OR-Tools' min-cost-flow solver on the same network and the same integer values: the reference.</summary>
public static class OrToolsReference
{
    public static long Objective(AssignmentProblem p)
    {
        var flow = new MinCostFlow();
        int source = p.Orders + p.Resources, sink = source + 1;
        var (perOrder, perTier) = p.Weights();
        var ceiling = perOrder + (2 * perTier) + AssignmentProblem.MaxScore; // costs kept non-negative
        for (var o = 0; o < p.Orders; o++) flow.AddArcWithCapacityAndUnitCost(source, o, 1, 0);
        foreach (var (order, resource, score) in p.Pairs)
        {
            flow.AddArcWithCapacityAndUnitCost(order, p.Orders + resource, 1, ceiling - p.Value(order, score));
        }
        for (var r = 0; r < p.Resources; r++) flow.AddArcWithCapacityAndUnitCost(p.Orders + r, sink, p.Capacity[r], 0);
        flow.SetNodeSupply(source, p.Orders);
        flow.SetNodeSupply(sink, -p.Orders);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException($"OR-Tools: {status}");
        return (flow.MaximumFlow() * ceiling) - flow.OptimalCost();
    }
}
