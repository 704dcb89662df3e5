using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Counts, on the wire, the storage requests the app's clients send while counting is on: method, kind (query,
/// $batch, entity) and the table or queue. Added to the app's <see cref="StorageClients"/> pipeline.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _requests = [];
    private volatile bool _counting;

    public void Start()
    {
        lock (_requests) _requests.Clear();
        _counting = true;
    }

    /// <summary>Stops counting and describes what was sent: "6 (1× GET query Users, …)".</summary>
    public string Stop()
    {
        _counting = false;
        lock (_requests)
        {
            var kinds = _requests.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()}× {g.Key}");
            return $"{_requests.Count} ({string.Join(", ", kinds)})";
        }
    }

    public override void OnSendingRequest(Azure.Core.HttpMessage message)
    {
        if (!_counting) return;
        var uri = message.Request.Uri.ToUri();
        var kind = "entity";
        if (uri.AbsolutePath.Contains("$batch")) kind = "$batch";
        else if (uri.Query.Contains("%24filter") || uri.Query.Contains("$filter")) kind = "query";
        var name = uri.AbsolutePath.Split('/').LastOrDefault()?.Split('(')[0];
        lock (_requests) _requests.Add($"{message.Request.Method} {kind} {name}");
    }

    /// <summary>The app's services over a store, their storage clients counting through this counter.</summary>
    public ServiceProvider Services(Azurite storage)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString, ["Auth:SigningKey"] = new string('k', 48),
        }).Build();
        return new ServiceCollection().AddLogging().AddRedYifang(configuration)
            .AddSingleton(new StorageClients(configuration, this))
            .BuildServiceProvider();
    }
}
