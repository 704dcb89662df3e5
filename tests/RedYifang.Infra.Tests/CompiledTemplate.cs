using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RedYifang.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled by the Bicep CLI from NuGet (restored by test.sh from infra/tools/bicep.csproj), with
/// every resource of every nested module deployment flattened into one list.
/// </summary>
public sealed class CompiledTemplate
{
    public static readonly Lazy<CompiledTemplate> Main = new(() => new CompiledTemplate());

    public string Json { get; }
    public JsonObject Root { get; }
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The variables of every (nested) template, by name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }
    public string LintOutput { get; }
    public int LintExitCode { get; }

    private CompiledTemplate()
    {
        var main = Path.Combine(RepositoryRoot(), "infra", "main.bicep");
        (LintExitCode, LintOutput) = RunBicep("lint", main);
        var (buildCode, json) = RunBicep("build", main, "--stdout");
        if (buildCode != 0) throw new InvalidOperationException($"bicep build failed: {json}");
        Json = json;
        Root = JsonNode.Parse(json)!.AsObject();
        var all = new List<JsonObject>();
        var variables = new Dictionary<string, JsonNode?>();
        Collect(Root, all, variables);
        Resources = all;
        Variables = variables;
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals(r["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    private static void Collect(JsonObject template, List<JsonObject> into, Dictionary<string, JsonNode?> variables)
    {
        foreach (var (name, value) in template["variables"] as JsonObject ?? []) variables[name] = value;
        var resources = template["resources"];
        IEnumerable<JsonNode?> list = resources switch
        {
            JsonArray array => array,
            JsonObject byName => byName.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in list.OfType<JsonObject>())
        {
            into.Add(resource);
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested) Collect(
                nested,
                into,
                variables);
        }
    }

    public static string BicepExecutable()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        return File.Exists(bicep)
            ? bicep
            : throw new FileNotFoundException($"No Bicep CLI at {bicep}: run `dotnet restore infra/tools` (test.sh does).");
    }

    private static (int, string) RunBicep(params string[] args)
    {
        var start = new ProcessStartInfo(BicepExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RedYifang.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("RedYifang.sln not found above the test folder.");
    }
}
