using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>Awards points for each person who served an accepted order in person (queue <c>party-member-orders</c>).</summary>
internal sealed class OrderServedFunction(AwardOrderPoints award)
{
    [Function("PartyMemberOrderPoints")]
    public async Task Run([QueueTrigger(OrderServedMessage.Queue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken ct) => await award.HandleAsync(QueueMessages.Parse<OrderServedMessage>(message), ct);
}
