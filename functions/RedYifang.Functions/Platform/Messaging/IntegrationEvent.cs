using System.Text.Json;
using System.Text.Json.Serialization;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Messaging;

/// <summary>
/// An event other government systems may consume (docs/events.md). It carries no personal data. <see cref="Id"/> is
/// deterministic, so publishing it twice is caught by Service Bus duplicate detection (it is the MessageId).
/// <see cref="DataVersion"/> is the version of <see cref="Data"/>'s schema for its <see cref="Type"/>
/// (<see cref="IntegrationEventType"/>); an event staged before versions were kept reads as version 1, which it is.
/// </summary>
public sealed record IntegrationEvent(
    string Id,
    string Type,
    [property: JsonPropertyOrder(1)] DateTimeOffset At,
    [property: JsonPropertyOrder(2)] JsonElement Data)
{
    /// <summary>The internal queue events are staged on (through the outbox) before they are published.</summary>
    public const string Queue = "integration-events";

    public int DataVersion { get; init; } = 1;

    /// <summary>An event of a catalogued type (<see cref="IntegrationEventType"/>), to stage on <see cref="Queue"/>.</summary>
    public static (string Queue, object Message) Of(string id, IntegrationEventType type, DateTimeOffset at, object data) =>
        (Queue, new IntegrationEvent(id, type.Name, at, JsonSerializer.SerializeToElement(data, data.GetType(), Json.Options))
        {
            DataVersion = type.Version,
        });
}
