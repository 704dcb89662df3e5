using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// An approved report whose role is to be granted (queue <c>party-member-grants</c>): staged with the approval in one
/// transaction, so the grant cannot be lost, and idempotent (granting a role held changes nothing), so it may arrive twice.
/// </summary>
public sealed record RoleGrantMessage(string ReportId)
{
    public const string Queue = "party-member-grants";

    public OutboxMessage ToMessage() => new(Queue, this);
}
