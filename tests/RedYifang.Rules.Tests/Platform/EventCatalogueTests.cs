using System.Reflection;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Rules.Tests.Platform;

/// <summary>
/// The catalogue of integration events (Platform/Messaging/IntegrationEventType.cs) and its documentation (docs/events.md) say the
/// same, both ways: every type with its version, a field table and an example that fits the table; every catalogued type is
/// raised somewhere in the app and received in the wire tests (tests/RedYifang.Functions.Tests/Platform/Messaging/EventWireTests.cs).
/// </summary>
public sealed class EventCatalogueTests
{
    private static readonly EventCatalogueDoc Doc = EventCatalogueDoc.Current;

    /// <summary>Each catalogued type by the name of its field in <see cref="IntegrationEventType"/>.</summary>
    private static readonly Dictionary<string, IntegrationEventType> Members = typeof(IntegrationEventType)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(IntegrationEventType))
        .ToDictionary(f => f.Name, f => (IntegrationEventType)f.GetValue(null)!);

    public static TheoryData<string> Types() => [.. IntegrationEventType.All.Select(t => t.Name)];

    [Fact]
    public void Every_type_in_the_catalogue_is_documented_with_its_version_and_every_documented_type_is_in_the_catalogue()
    {
        Assert.Equal(
            IntegrationEventType.All.Select(t => $"{t.Name} v{t.Version}").Order(StringComparer.Ordinal),
            Doc.Sections.Values.Select(s => $"{s.Type} v{s.Version}").Order(StringComparer.Ordinal));
        Assert.Equal(Members.Count, IntegrationEventType.All.Select(t => t.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_documented_type_has_a_field_table_and_an_example_that_fits_it(string type)
    {
        var section = Doc.Sections[type];
        Assert.NotEmpty(section.Fields);
        Assert.Equal(section.Fields.Count, section.Fields.Select(f => f.Name).Distinct().Count());
        Assert.NotNull(section.Example);
        Assert.Empty(section.Misfits(section.Example));
    }

    [Fact]
    public void The_document_checker_finds_a_field_missing_extra_or_of_another_type()
    {
        var section = Doc.Sections["order.claimed"];
        var example = section.Example!.DeepClone().AsObject();
        example.Remove("resourceId");
        example["extra"] = 1;
        example["level"] = 2;
        Assert.Equal(2, section.Misfits(example).Count);
        Assert.Contains(section.Misfits(example), p => p.Contains("level is 2, documented as string", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_type_is_raised_by_the_app_and_received_on_the_wire_in_the_wire_tests(string type)
    {
        var member = Members.Single(m => m.Value.Name == type).Key;
        var root = FunctionsHost.RepositoryRoot();
        var app = Path.Combine(root, "functions", "RedYifang.Functions");
        var raising = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "IntegrationEventType.cs"
                && File.ReadAllText(f).Contains($"IntegrationEventType.{member}", StringComparison.Ordinal))
            .ToList();
        Assert.True(raising.Count > 0, $"No feature raises {type} (IntegrationEventType.{member})");
        var wire = File.ReadAllText(Path.Combine(root, "tests", "RedYifang.Functions.Tests", "Platform", "Messaging", "EventWireTests.cs"));
        Assert.True(wire.Contains($"IntegrationEventType.{member}", StringComparison.Ordinal), $"No wire test receives {type}");
    }
}
