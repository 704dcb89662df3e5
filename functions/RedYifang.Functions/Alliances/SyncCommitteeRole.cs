using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Makes a person's <c>partTimeCommitteeMember</c> role on the street match their seat as it is now (queue
/// <c>alliance-committee-roles</c>): a seat held is the role granted, none the role revoked — through Organisations' own use cases
/// (<see cref="GrantRole"/>, <see cref="RevokeRole"/>), as an admin with the roles they hold now, so the grant records its author
/// and Organisations' rules apply. A grant is made as the admin who appointed the person; a revocation as whoever emptied the
/// seat, or — when that was the unit leaving, whose liaison has no say over the street's roles — as the admin who appointed
/// them. Reading the seat rather than trusting the message keeps a late or repeated message from undoing a later change. If
/// neither may do it any more, nothing changes and that is logged (an admin does it by hand, <c>PUT</c> or
/// <c>DELETE /v1/orgs/{streetId}/roles/{userId}</c>).
/// </summary>
public sealed partial class SyncCommitteeRole(AllianceStore alliances, UserStore users, GrantRole grant, RevokeRole revoke,
    ILogger<SyncCommitteeRole> logger)
{
    public const string RoleText = "partTimeCommitteeMember";

    public async Task HandleAsync(CommitteeRoleMessage message, CancellationToken ct)
    {
        if (await alliances.FindAsync(message.AllianceId, ct) is not { } alliance)
        {
            LogNoAlliance(message.AllianceId);
            return;
        }
        var seat = await alliances.FindSeatOfUserAsync(alliance, message.UserId, ct);
        try
        {
            if (seat is not null)
            {
                var appointer = await CallerAsync(seat.Value.AppointedBy, ct);
                await grant.HandleAsync(appointer, alliance.StreetId, message.UserId, new GrantRole.Request(RoleText), ct);
                return;
            }
            try
            {
                await revoke.HandleAsync(await CallerAsync(message.By, ct), alliance.StreetId, message.UserId, RoleText, ct);
            }
            catch (ForbiddenException) when (message.AppointedBy != message.By)
            {
                await revoke.HandleAsync(await CallerAsync(message.AppointedBy, ct), alliance.StreetId, message.UserId, RoleText, ct);
            }
        }
        catch (DomainException e)
        {
            LogRefused(message.AllianceId, seat is not null, e.Code);
        }
    }

    private async Task<Caller> CallerAsync(string userId, CancellationToken ct) => new(userId, await users.GetRolesAsync(userId, ct));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alliance {AllianceId} does not exist: no committee role to change")]
    private partial void LogNoAlliance(string allianceId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Changing a committee role of alliance {AllianceId} (granting: {Granting}) was refused ({Code})")]
    private partial void LogRefused(string allianceId, bool granting, string code);
}
