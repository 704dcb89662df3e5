using System.Text.Json;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Storage;

public static class QueueMessages
{
    /// <summary>
    /// host.json's <c>extensions.queues.maxDequeueCount</c>: a queue function that sees this dequeue count is on its
    /// last attempt and records the failure instead of leaving the work pending. A test keeps the two equal.
    /// </summary>
    public const int MaxDequeueCount = 5;

    /// <summary>
    /// Reads a message the app wrote (with its own JSON options, enums as strings). Queue functions bind the raw
    /// string and parse here, so both hosts read messages the same way whatever their serializer defaults.
    /// </summary>
    public static T Parse<T>(string message) =>
        JsonSerializer.Deserialize<T>(message, Json.Options) ?? throw new JsonException($"Empty {typeof(T).Name} message.");
}
