using System.Text.Json;
using Azure.Storage.Queues;

namespace RedYifang.LocalHost;

/// <summary>The parts of <c>host.json</c> the local host honours, with the Functions host's defaults.</summary>
public sealed record HostJson(string RoutePrefix, QueueTriggerOptions Queues)
{
    public static HostJson Load(string path)
    {
        using var doc = JsonDocument.Parse(
            File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = doc.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var routePrefix = Property(extensions, "http", "routePrefix")?.GetString() ?? "api";
        var q = new QueueTriggerOptions();
        if (Property(extensions, "queues", "batchSize") is { } batch) q = q with { BatchSize = batch.GetInt32() };
        if (Property(extensions, "queues", "maxDequeueCount") is { } max) q = q with { MaxDequeueCount = max.GetInt32() };
        if (Property(extensions, "queues", "visibilityTimeout") is { } vis) q = q with { VisibilityTimeout = TimeSpan.Parse(
            vis.GetString()!) };
        if (Property(extensions, "queues", "maxPollingInterval") is { } poll) q = q with { MaxPollingInterval = TimeSpan.Parse(
            poll.GetString()!) };
        if (Property(extensions, "queues", "messageEncoding") is { } enc)
        {
            q = q with
            {
                MessageEncoding = enc.GetString()!.Equals("none", StringComparison.OrdinalIgnoreCase)
                    ? QueueMessageEncoding.None
                    : QueueMessageEncoding.Base64,
            };
        }
        return new HostJson(routePrefix.Trim('/'), q);
    }

    private static JsonElement? Property(JsonElement element, string section, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object
        && s.TryGetProperty(name, out var value)
            ? value
            : null;
}

/// <summary>host.json <c>extensions.queues</c>; defaults are the Functions host's.</summary>
public sealed record QueueTriggerOptions
{
    public int BatchSize { get; init; } = 16;
    public int MaxDequeueCount { get; init; } = 5;
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public QueueMessageEncoding MessageEncoding { get; init; } = QueueMessageEncoding.Base64;

    /// <summary>
    /// Not in host.json: how long a taken message stays hidden, renewed while its function runs. Short, so that a receive whose
    /// answer is lost (storage stopping while it answers, the host killed) hides its messages for half a minute, not the ten
    /// minutes the Functions host takes at a time.
    /// </summary>
    public TimeSpan ProcessingVisibility { get; init; } = TimeSpan.FromSeconds(30);
}
