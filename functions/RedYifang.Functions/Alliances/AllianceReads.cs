using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The reads the alliance's use cases share: the alliance the caller may see (404 otherwise, as if it did not exist), the
/// same for one the caller may run (403 when they see it but may not), a member or a meeting of it (404 when it has none).
/// </summary>
public sealed class AllianceReads(AllianceStore alliances, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Alliance> ReadAsync(Caller caller, string id, CancellationToken ct) =>
        await alliances.FindAsync(id, ct) is { } alliance && AlliancePolicy.MayRead(caller, alliance)
            ? alliance
            : throw Problems.NotFound("alliance");

    public async Task<Alliance> ManageAsync(Caller caller, string id, CancellationToken ct)
    {
        var alliance = await ReadAsync(caller, id, ct);
        return AlliancePolicy.MayManage(caller, alliance) ? alliance : throw Problems.Forbidden();
    }

    public async Task<Stored<Member>> MemberAsync(Alliance alliance, string unitId, CancellationToken ct) =>
        Keys.IsWellFormedId(unitId) && await alliances.FindMemberAsync(alliance, unitId, ct) is { } member
            ? member
            : throw Problems.NotFound("alliance member");

    /// <summary>A meeting of the alliance (the route names both): 404 for one of another alliance.</summary>
    public async Task<Stored<Meeting>> MeetingAsync(Alliance alliance, string meetingId, CancellationToken ct) =>
        await alliances.FindMeetingAsync(meetingId, ct) is { } stored && stored.Value.AllianceId == alliance.Id
            ? stored
            : throw Problems.NotFound("meeting");
}
