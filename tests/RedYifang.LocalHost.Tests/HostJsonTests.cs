using Azure.Storage.Queues;

namespace RedYifang.LocalHost.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void Reads_the_queue_settings_and_falls_back_to_the_hosts_defaults()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(
            path,
            """{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 2, "messageEncoding": "none" } } }""");
        var json = HostJson.Load(path);

        Assert.Equal("api", json.RoutePrefix);
        Assert.Equal(2, json.Queues.MaxDequeueCount);
        Assert.Equal(16, json.Queues.BatchSize);
        Assert.Equal(TimeSpan.Zero, json.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), json.Queues.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.None, json.Queues.MessageEncoding);
    }

    [Fact]
    public void An_empty_route_prefix_is_kept_empty()
    {
        // The app's own host.json sets "" so that its routes carry api/ themselves and the console is served at /console/.
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""");
        Assert.Equal("", HostJson.Load(path).RoutePrefix);
    }

    [Fact]
    public void The_apps_own_host_json_is_what_the_sample_app_ships()
    {
        var json = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "apps", "RedYifang.LocalHost.Tests.SampleApp", "host.json"));
        Assert.Equal(3, json.Queues.MaxDequeueCount);
        Assert.Equal(4, json.Queues.BatchSize);
        Assert.Equal(QueueMessageEncoding.Base64, json.Queues.MessageEncoding);
    }
}
