using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Platform.Health;

/// <summary>Has an app and an Azurite of its own (a class fixture, so a collection of its own), since it takes storage down.</summary>
public sealed class HealthTests(SliceApp slice) : IClassFixture<SliceApp>
{
    private static Dictionary<string, string> Checks(JsonObject health) =>
        health["checks"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<string>());

    [Fact]
    public async Task Reports_503_while_storage_is_down_and_200_once_it_is_back_without_a_restart()
    {
        var all = (string status) => new Dictionary<string, string> { ["tables"] = status, ["blobs"] = status, ["queues"] = status };
        var up = await slice.App.SendAsync(HttpMethod.Get, "api/health");
        var healthy = await up.ExpectAsync(200);
        Assert.Equal("healthy", healthy.Str("status"));
        Assert.Equal(all("healthy"), Checks(healthy));
        Assert.Equal("no-store", up.Headers.CacheControl!.ToString());

        await slice.Storage.StopAsync();
        var down = await (await slice.App.SendAsync(HttpMethod.Get, "api/health")).ExpectAsync(503);
        Assert.Equal("unhealthy", down.Str("status"));
        Assert.Equal(all("unhealthy"), Checks(down));

        await slice.Storage.StartAsync();
        HttpResponseMessage again = null!;
        await Eventually.WaitAsync(
            async () => (int)(again = await slice.App.SendAsync(HttpMethod.Get, "api/health")).StatusCode == 200,
            TimeSpan.FromSeconds(30));
        var back = await again.ExpectAsync(200);
        Assert.Equal(all("healthy"), Checks(back));
    }
}
