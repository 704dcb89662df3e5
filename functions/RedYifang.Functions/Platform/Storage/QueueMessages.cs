using System.Text.Json;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Storage;

public static class QueueMessages
{
    /// <summary>
    /// Reads a message the app wrote (with its own JSON options, enums as strings). Queue functions bind the raw
    /// string and parse here, so both hosts read messages the same way whatever their serializer defaults.
    /// </summary>
    public static T Parse<T>(string message) =>
        JsonSerializer.Deserialize<T>(message, Json.Options) ?? throw new JsonException($"Empty {typeof(T).Name} message.");
}
