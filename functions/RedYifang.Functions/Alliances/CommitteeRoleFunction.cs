using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>Grants or revokes the committee role of each seat filled or emptied (queue <c>alliance-committee-roles</c>).</summary>
internal sealed class CommitteeRoleFunction(SyncCommitteeRole sync)
{
    [Function("SyncCommitteeRole")]
    public Task Run([QueueTrigger(CommitteeRoleMessage.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        sync.HandleAsync(QueueMessages.Parse<CommitteeRoleMessage>(message), ct);
}
