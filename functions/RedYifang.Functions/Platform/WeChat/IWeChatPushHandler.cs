using System.Text.Json;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// What a feature does with one kind of WeChat push event (the message's <c>Event</c>, e.g. <c>wxa_media_check</c>): it
/// registers a handler, and <see cref="ReceiveWeChatPush"/> hands it each signed message of that kind. Handlers must be
/// idempotent: WeChat sends a message again when it gets no answer in time, and a captured push can be replayed.
/// </summary>
public interface IWeChatPushHandler
{
    string Event { get; }

    Task HandleAsync(JsonElement message, CancellationToken ct);
}
