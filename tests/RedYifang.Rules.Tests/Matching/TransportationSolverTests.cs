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

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Zero_capacities_and_tied_scores_are_as_good_as_exhaustive_search(int seed)
    {
        // Scores from three values and capacities from 0 make many optima of equal value and paths of reduced cost 0.
        var random = new Random(seed);
        var orders = random.Next(1, 8);
        var resources = random.Next(1, 5);
        var capacity = Enumerable.Range(0, resources).Select(_ => random.Next(0, 3)).ToArray();
        var tier = Enumerable.Range(0, orders).Select(_ => random.Next(0, 3)).ToArray();
        var pairs = new List<(int, int, int)>();
        for (var o = 0; o < orders; o++)
        {
            for (var r = 0; r < resources; r++)
            {
                if (random.Next(3) > 0) pairs.Add((o, r, random.Next(0, 3) * 500));
            }
        }
        var problem = new AssignmentProblem(capacity, tier, pairs);

        var result = TransportationSolver.Solve(problem);

        AssertFeasible(problem, result);
        Assert.Equal(Exhaustive(problem), result.Objective);
    }

    [Theory]
    [InlineData(21, 3000, 300)]
    [InlineData(22, 5000, 200)]
    public void Tight_instances_with_tied_scores_reach_the_objective_of_OR_Tools(int seed, int orders, int resources)
    {
        // Most orders compete for few slots (capacities 1–3) with scores from five values: long chains of equally
        // good displacements.
        var random = new Random(seed);
        var capacity = Enumerable.Range(0, resources).Select(_ => random.Next(1, 4)).ToArray();
        var tier = Enumerable.Range(0, orders).Select(_ => random.Next(0, 3)).ToArray();
        var pairs = Enumerable.Range(0, orders)
            .SelectMany(o => Enumerable.Range(0, resources).OrderBy(_ => random.Next()).Take(random.Next(1, 8)).Order()
                .Select(r => (o, r, random.Next(0, 5) * 250)))
            .ToList();
        var problem = new AssignmentProblem(capacity, tier, pairs);

        var result = TransportationSolver.Solve(problem);

        AssertFeasible(problem, result);
        Assert.Equal(OrToolsReference.Objective(problem), result.Objective);
    }

    [Fact]
    public void No_order_is_served_when_none_can_be()
    {
        // No feasible pair at all; pairs only into resources without capacity; no resources; no orders.
        var cases = new[]
        {
            new AssignmentProblem([2, 1], [0, 1, 2], []),
            new AssignmentProblem([0, 0], [2, 1, 0], [(0, 0, 1000), (1, 1, 500), (2, 0, 0), (2, 1, 7)]),
            new AssignmentProblem([], [1, 2], []),
        };
        foreach (var problem in cases)
        {
            var result = TransportationSolver.Solve(problem);
            Assert.All(result.ResourceOf, r => Assert.Equal(-1, r));
            Assert.Equal((0L, 0, 0L), (result.Objective, result.Served, result.TotalScore));
            Assert.Equal([0, 0, 0], result.ServedByTier);
        }
        var empty = TransportationSolver.Solve(new AssignmentProblem([3], [], []));
        Assert.Equal((0, 0L), (empty.ResourceOf.Length, empty.Objective));
    }

    [Fact]
    public void An_order_already_placed_moves_aside_for_a_later_one_that_fits_nowhere_else()
    {
        // Order 0 (inserted first: higher urgency) takes resource 0, its better score; order 1 fits only resource 0,
        // so serving both moves order 0 to resource 1 (two served beats one).
        var problem = new AssignmentProblem([1, 1], [2, 1], [(0, 0, 900), (0, 1, 100), (1, 0, 50)]);

        var result = TransportationSolver.Solve(problem);

        Assert.Equal([1, 0], result.ResourceOf);
        Assert.Equal(150, result.TotalScore);
        Assert.Equal([0, 1, 1], result.ServedByTier);
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
