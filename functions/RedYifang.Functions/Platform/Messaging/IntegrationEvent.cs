using System.Text.Json;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Messaging;

/// <summary>
/// An event other government systems may consume. It carries no personal data. <see cref="Id"/> is deterministic, so
/// publishing it twice is caught by Service Bus duplicate detection (it is the MessageId).
/// </summary>
public sealed record IntegrationEvent(string Id, string Type, DateTimeOffset At, JsonElement Data)
{
    /// <summary>The internal queue events are staged on (through the outbox) before they are published.</summary>
    public const string Queue = "integration-events";

    public static (string Queue, object Message) Of(string id, string type, DateTimeOffset at, object data) =>
        (Queue, new IntegrationEvent(id, type, at, JsonSerializer.SerializeToElement(data, data.GetType(), Json.Options)));
}
