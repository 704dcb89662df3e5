using RedYifang.Functions.Matching;

namespace RedYifang.Testing;

/// <summary>Random assignment instances, shared by the solver tests and the benchmark.</summary>
public static class AssignmentInstances
{
    /// <summary>Each order feasible with <paramref name="minPairs"/>–<paramref name="maxPairs"/> resources, capacities 1–<paramref name="maxCapacity"/>.</summary>
    public static AssignmentProblem Random(int seed, int orders, int resources, int minPairs, int maxPairs, int maxCapacity)
    {
        var random = new Random(seed);
        var capacity = Enumerable.Range(0, resources).Select(_ => random.Next(1, maxCapacity + 1)).ToArray();
        var tier = Enumerable.Range(0, orders).Select(_ => random.Next(0, 3)).ToArray();
        var pairs = new List<(int, int, int)>();
        for (var o = 0; o < orders; o++)
        {
            var count = Math.Min(resources, random.Next(minPairs, maxPairs + 1));
            var chosen = new HashSet<int>();
            while (chosen.Count < count) chosen.Add(random.Next(resources));
            foreach (var r in chosen.Order()) pairs.Add((o, r, random.Next(0, AssignmentProblem.MaxScore + 1)));
        }
        return new AssignmentProblem(capacity, tier, pairs);
    }
}
