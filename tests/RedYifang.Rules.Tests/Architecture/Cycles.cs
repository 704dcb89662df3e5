namespace RedYifang.Rules.Tests.Architecture;

/// <summary>
/// The cycles of a directed graph, as paths to show someone who has to break them. Listing every elementary cycle
/// can run to thousands in a tangle, so each edge that lies on some cycle is shown once, on the shortest cycle
/// through it: break every path listed and the graph has no cycle left.
/// </summary>
public static class Cycles
{
    /// <summary>Each cycle starts and ends at its alphabetically first node (A → B → A); the shortest come first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        var component = StronglyConnectedComponents(edges);
        var found = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (from, targets) in edges)
        foreach (var to in targets)
        {
            if (from == to || component[from] != component[to]) continue;    // an edge between components is on no cycle
            var back = ShortestPath(edges, to, from, n => component[n] == component[from]);
            var cycle = Rotate([from, .. back]);
            found.TryAdd(string.Join(" → ", cycle), cycle);
        }
        return [.. found.Values.OrderBy(c => c.Count).ThenBy(c => string.Join(" → ", c), StringComparer.Ordinal)];
    }

    /// <summary>A → B → C from a cycle's nodes B, C, A: the first node by name leads, and again closes the path.</summary>
    private static List<string> Rotate(List<string> nodes)
    {
        var first = nodes.IndexOf(nodes.Min(StringComparer.Ordinal)!);
        return [.. nodes[first..], .. nodes[..first], nodes[first]];
    }

    /// <summary>The nodes from <paramref name="start"/> to <paramref name="goal"/>, goal excluded, by breadth-first search.</summary>
    private static List<string> ShortestPath(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, string start, string goal,
        Func<string, bool> within)
    {
        var previous = new Dictionary<string, string?> { [start] = null };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == goal) break;
            foreach (var next in edges.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (within(next) && previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        var path = new List<string>();
        for (var node = previous[goal]; node is not null; node = previous[node]) path.Add(node);
        path.Reverse();
        return path;
    }

    /// <summary>Tarjan's algorithm: each node's component number; two nodes share one when each reaches the other.</summary>
    private static Dictionary<string, int> StronglyConnectedComponents(IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(t => t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var component = new Dictionary<string, int>();
        int visited = 0, components = 0;

        void Connect(string node)
        {
            index[node] = low[node] = visited++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(next, out int value))
                {
                    Connect(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], value);
                }
            }
            if (low[node] != index[node]) return;
            var number = components++;
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component[member] = number;
            }
            while (member != node);
        }

        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node)) Connect(node);
        }
        return component;
    }
}
