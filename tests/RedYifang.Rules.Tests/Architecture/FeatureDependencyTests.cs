using System.Text;
using RedYifang.Functions;
using Xunit.Abstractions;

namespace RedYifang.Rules.Tests.Architecture;

/// <summary>
/// How the app's feature folders may use one another, checked on the compiled RedYifang.Functions.dll: no feature
/// imports another that imports it back (directly or around a loop), so each can be read, changed and tested from
/// the features below it; Demo is a client of everything and nothing is built on it; Platform is built on no feature.
/// </summary>
public sealed class FeatureDependencyTests(ITestOutputHelper output)
{
    private const string Root = "RedYifang.Functions.";

    private static readonly string[] Features =
    [
        "Activities", "Agreements", "Alliances", "Assessment", "ContentSecurity", "Demo", "Evaluations", "Evidence", "Funding",
        "Identity", "Matching", "Notifications", "Orders", "Organisations", "PartyMembers", "Platform", "Resources", "Sites",
    ];

    private static readonly Lazy<FeatureGraph> App = new(() => FeatureGraph.Read(typeof(AppServices).Assembly.Location, Root));

    [Fact]
    public void The_features_are_the_eleven_folders_and_the_graph_between_them_is_printed()
    {
        var graph = App.Value;
        foreach (var feature in graph.Features)
        {
            output.WriteLine($"{feature} → {string.Join(", ", graph.Edges.GetValueOrDefault(feature, []))}");
        }
        // A new folder is added here deliberately, with any rule of its own; a misspelt namespace fails here.
        Assert.Equal(Features, graph.Features);
    }

    [Fact]
    public void Features_import_one_another_without_cycles()
    {
        var graph = App.Value;
        var cycles = Cycles.Find(graph.Edges);
        if (cycles.Count == 0) return;

        var message = new StringBuilder($"{cycles.Count} import cycle(s) between features; break each path:\n");
        foreach (var cycle in cycles) message.Append("  ").AppendJoin(" → ", cycle).Append('\n');
        message.Append("Where each edge on them comes from (the first uses by name):\n");
        var edges = cycles.SelectMany(c => c.Zip(c.Skip(1))).Distinct().Order();
        foreach (var (from, to) in edges) Describe(message, graph, from, to);
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void Nothing_depends_on_Demo() =>
        AssertNoEdges("Demo is the demo district's loader, a client of the features; nothing may use it", App.Value,
            App.Value.Edges.Where(e => e.Value.Contains("Demo")).Select(e => (e.Key, "Demo")));

    [Fact]
    public void Nothing_depends_on_Notifications() =>
        AssertNoEdges("Notifications listens to order events and tells people; no feature may wait on it", App.Value,
            App.Value.Edges.Where(e => e.Value.Contains("Notifications")).Select(e => (e.Key, "Notifications")));

    [Fact]
    public void Platform_depends_on_no_feature() =>
        AssertNoEdges("Platform is what the features are built on and uses none of them", App.Value,
            App.Value.Edges.GetValueOrDefault("Platform", []).Select(to => ("Platform", to)));

    private static void AssertNoEdges(string rule, FeatureGraph graph, IEnumerable<(string From, string To)> edges)
    {
        var found = edges.Order().ToList();
        if (found.Count == 0) return;
        var message = new StringBuilder($"{rule}, yet:\n");
        foreach (var (from, to) in found) Describe(message, graph, from, to);
        Assert.Fail(message.ToString());
    }

    private static void Describe(StringBuilder message, FeatureGraph graph, string from, string to)
    {
        message.Append($"  {from} → {to} ({graph.UseCount(from, to)} type-to-type uses):\n");
        foreach (var use in graph.Uses(from, to)) message.Append($"    {use}\n");
    }
}
