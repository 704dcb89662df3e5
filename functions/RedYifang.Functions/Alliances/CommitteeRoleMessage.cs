using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// A committee seat of <see cref="UserId"/> was filled or emptied (queue <c>alliance-committee-roles</c>) by <see cref="By"/>;
/// <see cref="AppointedBy"/> filled it. Staged with the change in one transaction, so the role's grant or revocation cannot be
/// lost. It carries no verdict: the consumer makes the role match the seat as it is then (<see cref="SyncCommitteeRole"/>), so
/// it may arrive twice or late.
/// </summary>
public sealed record CommitteeRoleMessage(string AllianceId, string UserId, string By, string AppointedBy)
{
    public const string Queue = "alliance-committee-roles";

    public OutboxMessage ToMessage() => new(Queue, this);
}
