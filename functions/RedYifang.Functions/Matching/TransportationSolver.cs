namespace RedYifang.Functions.Matching;

/// <summary>
/// Optimal assignment by successive shortest paths (the Hungarian method with capacities): orders are inserted
/// one at a time and each insertion augments along a shortest path in the residual network, found by Dijkstra
/// on reduced costs and stopped as soon as the sink is settled. A "not served" node lets a later, more valuable
/// order displace an earlier one, so the result is optimal for the whole objective, not just the flow value.
/// </summary>
public static class TransportationSolver
{
    public static Assignment Solve(AssignmentProblem problem) => new Network(problem).Run();

    private sealed class Network
    {
        private readonly AssignmentProblem _p;
        private readonly int _n, _m, _skip, _sink;
        // Feasible pairs per order (CSR), with cost = -value.
        private readonly int[] _start, _to;
        private readonly long[] _cost;
        private readonly int[] _assigned;      // resource node, _skip, or -1 (not yet inserted)
        private readonly long[] _assignedCost;
        private readonly List<int>[] _holders; // orders held by each resource node and by _skip
        private readonly int[] _slot;          // an order's index in its holder's list
        private readonly long[] _potential, _dist;
        private readonly int[] _parent, _seen, _settled;
        private int _stamp;

        public Network(AssignmentProblem p)
        {
            _p = p;
            _n = p.Orders;
            _m = p.Resources;
            _skip = _n + _m;
            _sink = _n + _m + 1;
            var nodes = _n + _m + 2;
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
            _assigned = Enumerable.Repeat(-1, _n).ToArray();
            _assignedCost = new long[_n];
            _holders = new List<int>[_m + 1];
            for (var i = 0; i <= _m; i++) _holders[i] = [];
            _slot = new int[_n];
            _potential = new long[nodes];
            _dist = new long[nodes];
            _parent = new int[nodes];
            _seen = new int[nodes];
            _settled = new int[nodes];
        }

        public Assignment Run()
        {
            var order = Enumerable.Range(0, _n).OrderByDescending(i => _p.Tier[i]).ThenBy(i => i);
            var heap = new PriorityQueue<int, long>();
            foreach (var o in order) Insert(o, heap);
            return Result();
        }

        private void Insert(int o, PriorityQueue<int, long> heap)
        {
            // Raise the new order's potential so its outgoing reduced costs are non-negative.
            var p = _potential[_skip];
            for (var e = _start[o]; e < _start[o + 1]; e++) p = Math.Max(p, _potential[_to[e]] - _cost[e]);
            _potential[o] = p;

            _stamp++;
            heap.Clear();
            Reach(o, 0, -1, heap);
            var settled = new List<int>();
            while (heap.TryDequeue(out var u, out var d))
            {
                if (_settled[u] == _stamp || d != _dist[u]) continue;
                _settled[u] = _stamp;
                settled.Add(u);
                if (u == _sink) break;
                Expand(u, d, heap);
            }
            var dSink = _dist[_sink];
            foreach (var v in settled) _potential[v] += _dist[v] - dSink;
            Augment();
        }

        private void Expand(int u, long d, PriorityQueue<int, long> heap)
        {
            if (u < _n)
            {
                for (var e = _start[u]; e < _start[u + 1]; e++)
                {
                    if (_to[e] != _assigned[u]) Reach(_to[e], d + _cost[e] + _potential[u] - _potential[_to[e]], u, heap);
                }
                if (_assigned[u] != _skip) Reach(_skip, d + _potential[u] - _potential[_skip], u, heap);
                return;
            }
            var holder = u == _skip ? _m : u - _n;
            if (u == _skip || _holders[holder].Count < _p.Capacity[holder])
            {
                Reach(_sink, d + _potential[u] - _potential[_sink], u, heap);
            }
            foreach (var k in _holders[holder])
            {
                Reach(k, d - _assignedCost[k] + _potential[u] - _potential[k], u, heap);
            }
        }

        private void Reach(int v, long d, int from, PriorityQueue<int, long> heap)
        {
            if (_settled[v] == _stamp || (_seen[v] == _stamp && _dist[v] <= d)) return;
            _seen[v] = _stamp;
            _dist[v] = d;
            _parent[v] = from;
            heap.Enqueue(v, d);
        }

        /// <summary>Moves every order on the path to the node after it; the last step lands in spare capacity or "not served".</summary>
        private void Augment()
        {
            var v = _parent[_sink];
            while (v >= 0)
            {
                var u = _parent[v];
                if (u >= 0 && u < _n && v >= _n)
                {
                    // u was reached by a reverse edge (or is the inserted order) and now moves to v.
                    if (_assigned[u] >= 0) Remove(u);
                    Add(u, v);
                }
                v = u;
            }
        }

        private void Add(int order, int node)
        {
            var list = _holders[node == _skip ? _m : node - _n];
            _slot[order] = list.Count;
            list.Add(order);
            _assigned[order] = node;
            _assignedCost[order] = node == _skip ? 0 : CostOf(order, node);
        }

        private void Remove(int order)
        {
            var list = _holders[_assigned[order] == _skip ? _m : _assigned[order] - _n];
            var last = list[^1];
            list[_slot[order]] = last;
            _slot[last] = _slot[order];
            list.RemoveAt(list.Count - 1);
        }

        private long CostOf(int order, int node)
        {
            for (var e = _start[order]; e < _start[order + 1]; e++) if (_to[e] == node) return _cost[e];
            throw new InvalidOperationException("No such pair.");
        }

        private Assignment Result()
        {
            var resourceOf = new int[_n];
            var byTier = new int[3];
            long objective = 0, totalScore = 0;
            var (perOrder, perTier) = _p.Weights();
            for (var o = 0; o < _n; o++)
            {
                resourceOf[o] = _assigned[o] == _skip ? -1 : _assigned[o] - _n;
                if (resourceOf[o] < 0) continue;
                objective -= _assignedCost[o];
                byTier[_p.Tier[o]]++;
                totalScore += -_assignedCost[o] - perOrder - (perTier * _p.Tier[o]);
            }
            return new Assignment(resourceOf, objective, byTier.Sum(), byTier, totalScore);
        }
    }
}
