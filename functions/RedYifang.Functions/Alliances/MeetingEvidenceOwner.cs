using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Answers Evidence for joint meetings (<see cref="IEvidenceOwner"/>; <c>ownerType: "meeting"</c>): the minutes go into the
/// street's trace archive, attached by the street's admins (who run the meeting); whoever may read the alliance lists them.
/// </summary>
public sealed class MeetingEvidenceOwner(AllianceStore alliances) : IEvidenceOwner
{
    public OwnerType Type => OwnerType.Meeting;

    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, string ownerId, CancellationToken ct)
    {
        var alliance = await ReadableAsync(caller, ownerId, ct) ?? throw Problems.NotFound("meeting");
        if (!AlliancePolicy.MayManage(caller, alliance)) throw Problems.Forbidden();
        return new OwnerPlacement(alliance.StreetPath, alliance.StreetId, alliance.StreetPath);
    }

    public async Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct) =>
        await ReadableAsync(caller, ownerId, ct) is not null;

    /// <summary>The alliance of the meeting, when the caller may read it.</summary>
    private async Task<Alliance?> ReadableAsync(Caller caller, string meetingId, CancellationToken ct) =>
        await alliances.FindMeetingAsync(meetingId, ct) is { } meeting
        && await alliances.FindAsync(meeting.Value.AllianceId, ct) is { } alliance && AlliancePolicy.MayRead(caller, alliance)
            ? alliance
            : null;
}
