using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Platform;

[Collection("app")]
public sealed class OpenApiTests(AppFixture fixture)
{
    [Fact]
    public async Task Describes_every_http_route_the_app_serves()
    {
        var response = await fixture.App.SendAsync(HttpMethod.Get, "api/openapi.json");
        var document = await response.ExpectAsync(200);
        Assert.StartsWith("3.", document.Str("openapi"));
        var paths = document["paths"]!.AsObject();

        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RedYifang.LocalHost.RedYifangHost.AppDirectory, "functions.metadata")))!.AsArray();
        var served = metadata
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => (route: "/" + System.Text.RegularExpressions.Regex.Replace(b!["route"]!.GetValue<string>(), "{([a-zA-Z]+):[^}]*}", "{$1}"), methods: b["methods"]!.AsArray().Select(m => m!.GetValue<string>())));
        foreach (var (route, methods) in served)
        {
            Assert.True(paths.ContainsKey(route), $"{route} is not described");
            foreach (var method in methods) Assert.True(paths[route]!.AsObject().ContainsKey(method), $"{method} {route} is not described");
        }
    }
}
