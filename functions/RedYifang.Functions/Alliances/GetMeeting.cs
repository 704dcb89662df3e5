using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>One meeting of the alliance, to those who may read the alliance.</summary>
public sealed class GetMeeting(AllianceReads reads)
{
    public async Task<Meeting> HandleAsync(Caller caller, string id, string meetingId, CancellationToken ct) =>
        (await reads.MeetingAsync(await reads.ReadAsync(caller, id, ct), meetingId, ct)).Value;
}
