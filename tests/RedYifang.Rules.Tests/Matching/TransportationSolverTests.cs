using RedYifang.Functions.Matching;

namespace RedYifang.Rules.Tests.Matching;

public sealed class TransportationSolverTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 150)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Small_instances_are_feasible_and_as_good_as_exhaustive_search(int seed)
    {
        var random = new Random(seed);
        var problem = AssignmentInstances.Random(seed, random.Next(1, 8), random.Next(1, 5), 0, 3, 2);

        var result = TransportationSolver.Solve(problem);

        AssertFeasible(problem, result);
        Assert.Equal(Exhaustive(problem), result.Objective);
    }

    [Theory]
    [InlineData(11, 300, 60, 5)]
    [InlineData(12, 1000, 200, 10)]
    [InlineData(13, 2000, 300, 20)]
    public void Larger_instances_reach_the_objective_of_OR_Tools(int seed, int orders, int resources, int maxPairs)
    {
        var problem = AssignmentInstances.Random(seed, orders, resources, 1, maxPairs, 3);

        var result = TransportationSolver.Solve(problem);

        AssertFeasible(problem, result);
        Assert.Equal(OrToolsReference.Objective(problem), result.Objective);
    }

    [Fact]
    public void Serves_as_many_as_possible_then_urgent_first_then_the_best_scores()
    {
        // One slot; a low order with a perfect score and a high-urgency order with a poor one: urgency wins.
        var urgentFirst = new AssignmentProblem([1], [0, 2], [(0, 0, 1000), (1, 0, 10)]);
        Assert.Equal([-1, 0], TransportationSolver.Solve(urgentFirst).ResourceOf);

        // Serving two low orders beats serving one urgent one.
        var countFirst = new AssignmentProblem([1, 1], [2, 0, 0], [(0, 0, 900), (0, 1, 900), (1, 0, 5), (2, 1, 5)]);
        var served = TransportationSolver.Solve(countFirst);
        Assert.Equal(2, served.Served);

        // Same urgency: the better pairing wins even if inserted later.
        var scoreWins = new AssignmentProblem([1], [1, 1], [(0, 0, 100), (1, 0, 900)]);
        Assert.Equal([-1, 0], TransportationSolver.Solve(scoreWins).ResourceOf);
        Assert.Equal(900, TransportationSolver.Solve(scoreWins).TotalScore);
    }

    private static void AssertFeasible(AssignmentProblem p, Assignment a)
    {
        var pairs = p.Pairs.ToDictionary(x => (x.Order, x.Resource), x => x.Score);
        var load = new int[p.Resources];
        long objective = 0;
        for (var o = 0; o < p.Orders; o++)
        {
            var r = a.ResourceOf[o];
            if (r < 0) continue;
            Assert.True(pairs.ContainsKey((o, r)), $"order {o} given an infeasible resource {r}");
            load[r]++;
            objective += p.Value(o, pairs[(o, r)]);
        }
        for (var r = 0; r < p.Resources; r++) Assert.True(load[r] <= p.Capacity[r], $"resource {r} over capacity");
        Assert.Equal(objective, a.Objective);
    }

    private static long Exhaustive(AssignmentProblem p)
    {
        var byOrder = p.Pairs.GroupBy(x => x.Order).ToDictionary(g => g.Key, g => g.ToList());
        var load = new int[p.Resources];
        long Best(int o)
        {
            if (o == p.Orders) return 0;
            var best = Best(o + 1);
            foreach (var (_, r, score) in byOrder.GetValueOrDefault(o, []))
            {
                if (load[r] == p.Capacity[r]) continue;
                load[r]++;
                best = Math.Max(best, p.Value(o, score) + Best(o + 1));
                load[r]--;
            }
            return best;
        }
        return Best(0);
    }
}
