using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins record a decision of an open meeting, as text (at most <see cref="Meeting.MaxDecisions"/>); once it is
/// closed its record is final (409 <c>invalid_transition</c>).
/// </summary>
public sealed class RecordDecision(AllianceReads reads, AllianceStore alliances)
{
    public const int MaxText = 500;

    public sealed record Request(string? Text);

    public async Task<Meeting> HandleAsync(Caller caller, string id, string meetingId, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var text = v.Text("text", request.Text, MaxText);
        v.ThrowIfInvalid();
        var alliance = await reads.ManageAsync(caller, id, ct);
        var stored = await reads.MeetingAsync(alliance, meetingId, ct);
        var (after, recorded) = stored.Value.Decide(text!, caller.UserId, reads.Now);
        await alliances.UpdateMeetingAsync(stored, after, recorded, ct);
        return after;
    }
}
