using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Platform;

[Collection(Slices.Platform)]
public sealed partial class OpenApiTests(SliceApp slice)
{
    [Fact]
    public async Task Describes_every_http_route_the_app_serves()
    {
        var response = await slice.App.SendAsync(HttpMethod.Get, "api/openapi.json");
        var document = await response.ExpectAsync(200);
        Assert.StartsWith("3.", document.Str("openapi"));
        var paths = document["paths"]!.AsObject();

        var metadata = JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(RedYifang.LocalHost.RedYifangHost.AppDirectory, "functions.metadata")))!.AsArray();
        // The catch-all that answers unknown routes with problem+json is not an operation.
        var served = metadata
            .Where(f => f!["name"]!.GetValue<string>() != "zzUnmatchedRoute")
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => (route: "/"
                + MyRegex().Replace(b!["route"]!.GetValue<string>(), "{$1}"),
                methods: b["methods"]!.AsArray().Select(m => m!.GetValue<string>())))
            .GroupBy(r => r.route)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.methods).Order().ToList());
        string[] verbs = ["get", "put", "post", "delete", "patch"];
        var described = paths.ToDictionary(p => p.Key, p => p.Value!.AsObject().Select(m => m.Key).Where(verbs.Contains).Order().ToList());

        // Exactly the routes and methods served: none missing, none described that the app does not serve.
        Assert.Equal(served.Keys.Order(StringComparer.Ordinal), described.Keys.Order(StringComparer.Ordinal));
        foreach (var (route, methods) in served) Assert.True(
            methods.SequenceEqual(described[route]),
            $"{route}: served {string.Join(",", methods)}, described {string.Join(",", described[route])}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("{([a-zA-Z]+):[^}]*}")]
    private static partial System.Text.RegularExpressions.Regex MyRegex();
}
