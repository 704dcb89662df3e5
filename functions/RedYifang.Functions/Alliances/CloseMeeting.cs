using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins close a meeting that has been held, with its minutes: evidence attached to the meeting (ownerType
/// <c>meeting</c>) that Evidence reports verified (<see cref="IVerifiedEvidence"/>; 422 <c>evidence_not_verified</c> otherwise).
/// From then on its attendance counts for the attending units as co-building participation (Assessment hears
/// <see cref="AllianceEvent.MeetingClosed"/>).
/// </summary>
public sealed class CloseMeeting(AllianceReads reads, AllianceStore alliances, IVerifiedEvidence evidence)
{
    public const int MaxMinutes = 10;

    public sealed record Request(List<string?>? MinutesEvidenceIds);

    public async Task<Meeting> HandleAsync(Caller caller, string id, string meetingId, Request request, CancellationToken ct)
    {
        var minutes = Validate(request);
        var alliance = await reads.ManageAsync(caller, id, ct);
        var stored = await reads.MeetingAsync(alliance, meetingId, ct);
        var (after, closed) = stored.Value.Close(minutes, caller.UserId, reads.Now);
        if (!await evidence.AllVerifiedAsync(OwnerType.Meeting, meetingId, minutes, ct)) throw AllianceProblems.MinutesNotVerified();
        await alliances.UpdateMeetingAsync(stored, after, closed, ct);
        return after;
    }

    public static IReadOnlyList<string> Validate(Request request)
    {
        var v = new Validator();
        var ids = new List<string>();
        if (request.MinutesEvidenceIds is not { Count: >= 1 and <= MaxMinutes } list)
        {
            v.Add("minutesEvidenceIds", new LocalizedText("需要 1–{0} 份会议纪要", "needs 1–{0} pieces of minutes").Format(MaxMinutes));
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (v.Id($"minutesEvidenceIds[{i}]", list[i]) is { } evidenceId && !ids.Contains(evidenceId, StringComparer.Ordinal))
                {
                    ids.Add(evidenceId);
                }
            }
        }
        v.ThrowIfInvalid();
        return ids;
    }
}
