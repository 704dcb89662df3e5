namespace RedYifang.Functions.Matching;

/// <summary>
/// Optimal assignment by successive shortest paths (the Hungarian method with capacities): orders are inserted
/// one at a time and each insertion augments along a shortest path in the residual network, found by Dijkstra
/// on reduced costs and stopped as soon as the sink is settled. Every order has an arc of its own straight to the
/// sink ("not served", value 0), so a later, more valuable order can displace an earlier one and the result is
/// optimal for the whole objective, not just the flow value.
/// </summary>
/// <remarks>
/// The network: order → resource (one unit, cost −value), order → sink (one unit, cost 0: not served), resource →
/// sink (its capacity, cost 0). Each insertion adds one unit at the new order. The residual arcs a search follows are
/// those forward arcs still free and, from a resource, back to each order it holds (cost +value). An order that is
/// not served is never reached again: the only arc into it leaves the sink, where a search ends. A single shared
/// "not served" node would instead lead back to every order not served, and each search would fan out to all of them.
/// </remarks>
public static class TransportationSolver
{
    public static Assignment Solve(AssignmentProblem problem) => new Network(problem).Run();

    private sealed class Network
    {
        private const int NotInserted = -1;
        private const int NotServed = -2;

        private readonly AssignmentProblem _p;
        private readonly int _n, _sink;
        // Feasible pairs per order (CSR), with cost = -value.
        private readonly int[] _start, _to;
        private readonly long[] _cost;
        private readonly int[] _arc;           // the pair (index into _to) an order is served through, or NotInserted / NotServed
        private readonly List<int>[] _holders; // orders held by each resource
        private readonly int[] _slot;          // an order's index in its resource's list
        private readonly long[] _potential, _dist;
        private readonly int[] _parent, _parentArc, _seen, _settled;
        private readonly List<int> _settledNodes = [];
        private readonly PriorityQueue<int, long> _heap = new();
        private int _stamp;

        public Network(AssignmentProblem p)
        {
            _p = p;
            _n = p.Orders;
            var m = p.Resources;
            _sink = _n + m;
            var nodes = _n + m + 1;
            _start = new int[_n + 1];
            foreach (var (order, _, _) in p.Pairs) _start[order + 1]++;
            for (var i = 0; i < _n; i++) _start[i + 1] += _start[i];
            _to = new int[p.Pairs.Count];
            _cost = new long[p.Pairs.Count];
            var fill = (int[])_start.Clone();
            foreach (var (order, resource, score) in p.Pairs)
            {
                _to[fill[order]] = _n + resource;
                _cost[fill[order]++] = -p.Value(order, score);
            }
            _arc = Enumerable.Repeat(NotInserted, _n).ToArray();
            _holders = new List<int>[m];
            for (var i = 0; i < m; i++) _holders[i] = [];
            _slot = new int[_n];
            _potential = new long[nodes];
            _dist = new long[nodes];
            _parent = new int[nodes];
            _parentArc = new int[nodes];
            _seen = new int[nodes];
            _settled = new int[nodes];
        }

        public Assignment Run()
        {
            // Any order of insertion ends optimal; the most valuable orders first (which puts the urgent first) take the
            // good slots early, so fewer later insertions displace them, and the later, weaker orders are mostly turned
            // away at once (their not-served arc is their shortest path). On the tight instance of
            // tests/RedYifang.Bench/SolverBench.cs this halves the nodes the searches settle.
            var best = new long[_n];
            for (var o = 0; o < _n; o++)
            {
                for (var e = _start[o]; e < _start[o + 1]; e++) best[o] = Math.Max(best[o], -_cost[e]);
            }
            foreach (var o in Enumerable.Range(0, _n).OrderByDescending(i => best[i]).ThenBy(i => i)) Insert(o);
            return Result();
        }

        private void Insert(int o)
        {
            // Raise the new order's potential so its outgoing reduced costs (the not-served arc's included) are non-negative.
            var p = _potential[_sink];
            for (var e = _start[o]; e < _start[o + 1]; e++) p = Math.Max(p, _potential[_to[e]] - _cost[e]);
            _potential[o] = p;

            if (ServedDirectly(o)) return;

            _stamp++;
            _heap.Clear();
            _settledNodes.Clear();
            Reach(o, 0, -1, -1);
            while (_heap.TryDequeue(out var u, out var d))
            {
                if (_settled[u] == _stamp || d != _dist[u]) continue;
                _settled[u] = _stamp;
                _settledNodes.Add(u);
                if (u == _sink) break;
                Expand(u, d);
            }
            // Settled nodes move by their distance less the sink's, the rest stay: every residual arc keeps a
            // non-negative reduced cost, and the sink's potential stays 0.
            var dSink = _dist[_sink];
            foreach (var v in _settledNodes) _potential[v] += _dist[v] - dSink;
            Augment();
        }

        /// <summary>
        /// The commonest case, without a search: an arc of reduced cost 0 into spare capacity whose arc to the sink also
        /// costs 0 is a shortest path (no length is negative), and a path of length 0 moves no potential.
        /// </summary>
        private bool ServedDirectly(int o)
        {
            for (var e = _start[o]; e < _start[o + 1]; e++)
            {
                var r = _to[e];
                if (_cost[e] + _potential[o] == _potential[r] && _potential[r] == _potential[_sink]
                    && _holders[r - _n].Count < _p.Capacity[r - _n])
                {
                    Add(o, e);
                    return true;
                }
            }
            return false;
        }

        private void Expand(int u, long d)
        {
            if (u < _n)
            {
                // Every order reached is served (or is the one inserted), so its not-served arc is free; reached first, it
                // bounds the search.
                Reach(_sink, d + _potential[u] - _potential[_sink], u, -1);
                for (var e = _start[u]; e < _start[u + 1]; e++)
                {
                    if (e != _arc[u]) Reach(_to[e], d + _cost[e] + _potential[u] - _potential[_to[e]], u, e);
                }
                return;
            }
            var holders = _holders[u - _n];
            if (holders.Count < _p.Capacity[u - _n]) Reach(_sink, d + _potential[u] - _potential[_sink], u, -1);
            foreach (var k in holders) Reach(k, d - _cost[_arc[k]] + _potential[u] - _potential[k], u, -1);
        }

        private void Reach(int v, long d, int from, int arc)
        {
            if (_settled[v] == _stamp || (_seen[v] == _stamp && _dist[v] <= d)) return;
            // A node no nearer than the sink already is would only be settled after it, if at all: never on the path.
            if (v != _sink && _seen[_sink] == _stamp && d >= _dist[_sink]) return;
            _seen[v] = _stamp;
            _dist[v] = d;
            _parent[v] = from;
            _parentArc[v] = arc;
            _heap.Enqueue(v, d);
        }

        /// <summary>
        /// Walks the path back from the sink: each order on it moves to the resource after it (the arc it was reached
        /// through), and an order right before the sink is no longer served.
        /// </summary>
        private void Augment()
        {
            var v = _sink;
            while (_parent[v] >= 0)
            {
                var u = _parent[v];
                if (u < _n)
                {
                    if (_arc[u] >= 0) Remove(u);
                    if (v == _sink) _arc[u] = NotServed;
                    else Add(u, _parentArc[v]);
                }
                v = u;
            }
        }

        private void Add(int order, int arc)
        {
            var list = _holders[_to[arc] - _n];
            _slot[order] = list.Count;
            list.Add(order);
            _arc[order] = arc;
        }

        private void Remove(int order)
        {
            var list = _holders[_to[_arc[order]] - _n];
            var last = list[^1];
            list[_slot[order]] = last;
            _slot[last] = _slot[order];
            list.RemoveAt(list.Count - 1);
        }

        private Assignment Result()
        {
            var resourceOf = new int[_n];
            var byTier = new int[3];
            long objective = 0, totalScore = 0;
            var (perOrder, perTier) = _p.Weights();
            for (var o = 0; o < _n; o++)
            {
                resourceOf[o] = _arc[o] >= 0 ? _to[_arc[o]] - _n : -1;
                if (resourceOf[o] < 0) continue;
                var value = -_cost[_arc[o]];
                objective += value;
                byTier[_p.Tier[o]]++;
                totalScore += value - perOrder - (perTier * _p.Tier[o]);
            }
            return new Assignment(resourceOf, objective, byTier.Sum(), byTier, totalScore);
        }
    }
}
