
namespace RedYifang.Rules.Tests.Platform;

public sealed partial class NotFoundTextTests
{
    [Fact]
    public void Every_noun_a_404_names_in_the_code_reads_in_Chinese()
    {
        var source = Path.Combine(FunctionsHost.RepositoryRoot(), "functions", "RedYifang.Functions");
        var named = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => MyRegex().Matches(File.ReadAllText(f))
                .Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("order", named);
        Assert.All(named, noun =>
        {
            var detail = RedYifang.Functions.Platform.Problems.Problems.NotFound(noun).Detail!;
            Assert.DoesNotMatch("[A-Za-z]", detail.Zh);
            Assert.Contains(noun, detail.En);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("NotFound\\(\"([^\"]+)\"\\)")]
    private static partial System.Text.RegularExpressions.Regex MyRegex();
}
