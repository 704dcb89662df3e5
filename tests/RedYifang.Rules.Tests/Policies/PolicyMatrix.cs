using System.Reflection;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// One policy's role × action × scope table. A row is one public method of the policy (the action) asked about one
/// object (the scope, e.g. "published order in c11") and names the callers it allows; every other caller is expected
/// to be refused, so each row expands into one case per caller and the table is the whole matrix. A cell where the
/// policy's answer disagrees with the design documents (or they do not settle it) is named as left out: it is not
/// asserted either way until the lead decides it. Every string shown in a case's name is kept within what xunit shows.
/// </summary>
internal sealed class PolicyMatrix(Type policy, IReadOnlyDictionary<string, Caller> callers)
{
    /// <summary>xunit (v2) cuts a string argument in a test's name after this many characters.</summary>
    private const int MaxShown = 50;

    private readonly string _policyName = policy.Name;
    private readonly List<Row> _rows = [];

    /// <summary>The public static methods of the policy: every one of them must have a row.</summary>
    public IReadOnlySet<string> PublicMethods { get; } =
        policy.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name).ToHashSet();

    public IReadOnlySet<string> MethodsWithRows => _rows.Select(r => r.Method).ToHashSet();

    public PolicyMatrix Allow(
        string method,
        string scope,
        Func<Caller, bool> decide,
        IReadOnlyCollection<string> allowed,
        IReadOnlyCollection<string>? leftOut = null)
    {
        leftOut ??= [];
        if (!PublicMethods.Contains(method)) throw new ArgumentException($"{_policyName} has no public method {method}.", nameof(method));
        if (scope.Length > MaxShown) throw new ArgumentException($"Longer than xunit shows: {scope}.", nameof(scope));
        var unknown = allowed.Concat(leftOut).Where(c => !callers.ContainsKey(c)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown callers: {string.Join(", ", unknown)}.", nameof(allowed));
        if (allowed.Intersect(leftOut).Any()) throw new ArgumentException("A caller both allowed and left out.", nameof(leftOut));
        if (_rows.Any(r => r.Method == method && r.Scope == scope))
        {
            throw new ArgumentException($"Two rows for {method} · {scope}.", nameof(scope));
        }
        _rows.Add(new Row(method, scope, decide, allowed.ToHashSet(), leftOut.ToHashSet()));
        return this;
    }

    /// <summary>(method, scope, caller, expected) for every row and every caller that is not left out of it.</summary>
    public TheoryData<string, string, string, bool> Cases()
    {
        var tooLong = callers.Keys.Where(c => c.Length > MaxShown).ToList();
        if (tooLong.Count > 0) throw new InvalidOperationException($"Longer than xunit shows: {string.Join(", ", tooLong)}.");
        var data = new TheoryData<string, string, string, bool>();
        foreach (var row in _rows)
        {
            foreach (var caller in callers.Keys.Where(c => !row.LeftOut.Contains(c)))
            {
                data.Add(row.Method, row.Scope, caller, row.Allowed.Contains(caller));
            }
        }
        return data;
    }

    public bool Decide(string method, string scope, string caller) =>
        _rows.Single(r => r.Method == method && r.Scope == scope).Decide(callers[caller]);

    private sealed record Row(
        string Method,
        string Scope,
        Func<Caller, bool> Decide,
        IReadOnlySet<string> Allowed,
        IReadOnlySet<string> LeftOut);
}
