namespace RedYifang.Rules.Tests.Architecture;

/// <summary>
/// The instruments of FeatureDependencyTests, checked on graphs whose answer is known: the reader on this assembly's
/// Samples (one way of using a type per feature), the cycle finder on small hand-made graphs.
/// </summary>
public sealed class FeatureGraphTests
{
    private const string SamplesRoot = "RedYifang.Rules.Tests.Architecture.Samples.";
    private static readonly Lazy<FeatureGraph> Samples =
        new(() => FeatureGraph.Read(typeof(FeatureGraphTests).Assembly.Location, SamplesRoot));

    private static readonly string[] Ways =
    [
        "ByBase", "ByInterface", "ByField", "ByProperty", "ByParameter", "ByReturn", "ByGenericArgument",
        "ByGenericMethodArgument", "ByConstraint", "ByAttribute", "ByTypeofInAttribute", "ByEnumInAttribute", "ByLocal",
        "ByTypeof", "ByConstruction", "ByStaticCall", "ByStaticField", "ByCatch", "ByNestedType", "ByLambda", "ByAsync",
    ];

    public static TheoryData<string> WaysOfUsing() => [.. Ways];

    [Theory]
    [MemberData(nameof(WaysOfUsing))]
    public void Each_way_of_using_a_type_is_an_edge(string feature) =>
        Assert.Equal(["Target"], Samples.Value.Edges.GetValueOrDefault(feature, []));

    [Fact]
    public void A_feature_that_uses_no_other_has_no_edge_and_nothing_is_an_edge_to_itself()
    {
        Assert.False(Samples.Value.Edges.ContainsKey("NoUse"));
        Assert.False(Samples.Value.Edges.ContainsKey("Target"));
    }

    [Fact]
    public void Nested_and_compiler_generated_types_count_for_their_declaring_types_feature()
    {
        // The lambda's closure class and the async state machine are nested types: were they read as types of their
        // own, a feature named after them (or none) would appear here.
        var expected = Ways.Append("Target").Append("NoUse").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Samples.Value.Features);
    }

    [Fact]
    public void The_uses_behind_an_edge_name_the_types()
    {
        Assert.Equal(
            ["ByLambda.Deferring uses Target.Thing"],
            Samples.Value.Uses("ByLambda", "Target"));
    }

    [Fact]
    public void An_acyclic_graph_has_no_cycle() =>
        Assert.Empty(Cycles.Find(Graph(("A", "B"), ("B", "C"), ("A", "C"), ("C", "D"))));

    [Fact]
    public void Each_edge_on_a_cycle_is_shown_on_the_shortest_cycle_through_it()
    {
        // A ⇄ B, and B → C → D → B sharing B; E → A leads into the tangle but lies on no cycle.
        var cycles = Cycles.Find(Graph(("A", "B"), ("B", "A"), ("B", "C"), ("C", "D"), ("D", "B"), ("E", "A")));
        Assert.Equal(["A → B → A", "B → C → D → B"], cycles.Select(c => string.Join(" → ", c)));
    }

    [Fact]
    public void A_triangle_of_two_way_edges_is_shown_as_its_three_shortest_cycles()
    {
        // A → B → C → A is a cycle too, but each of its edges is already on a two-way pair, the shorter path to break.
        var cycles = Cycles.Find(Graph(("A", "B"), ("B", "C"), ("C", "A"), ("A", "C"), ("C", "B"), ("B", "A")));
        Assert.Equal(["A → B → A", "A → C → A", "B → C → B"], cycles.Select(c => string.Join(" → ", c)));
    }

    private static Dictionary<string, IReadOnlyList<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.To)]);
}
