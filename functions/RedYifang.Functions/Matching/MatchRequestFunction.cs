using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>Ranks suggestions again for each request on queue <c>match-requests</c>.</summary>
internal sealed class MatchRequestFunction(Suggestions suggestions)
{
    [Function("MatchRequests")]
    public Task Run([QueueTrigger(MatchRequest.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        suggestions.HandleAsync(QueueMessages.Parse<MatchRequest>(message), ct);
}
