using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>Grants the role of each approved report (queue <c>party-member-grants</c>).</summary>
internal sealed class RoleGrantFunction(GrantReportedRole grant)
{
    [Function("GrantPartyMemberRole")]
    public Task Run([QueueTrigger(RoleGrantMessage.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        grant.HandleAsync(QueueMessages.Parse<RoleGrantMessage>(message), ct);
}
