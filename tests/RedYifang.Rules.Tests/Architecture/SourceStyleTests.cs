namespace RedYifang.Rules.Tests.Architecture;

/// <summary>The C# of functions/ and tests/ reads without side-scrolling.</summary>
public sealed class SourceStyleTests
{
    private const int MaxLine = 140;

    [Fact]
    public void Lines_are_at_most_140_characters_except_those_holding_a_string()
    {
        // A line with a string literal is let off: a message or a URL reads better whole than split at the limit.
        var root = FunctionsHost.RepositoryRoot();
        var files = new[] { "functions", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(files, f => f.EndsWith("SourceStyleTests.cs", StringComparison.Ordinal));    // the walk found the sources

        var offenders = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(root, file), Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxLine && !l.Text.Contains('"'))
            .Select(l => $"{l.File}:{l.Line} ({l.Text.Length})")
            .ToList();
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} line(s) over {MaxLine} characters without a string literal:\n{string.Join('\n', offenders)}");
    }
}
