using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// The street's admins call a joint meeting (联席会议) of the alliance: when (up to a year either side of now, so one held
/// already may be recorded), its agenda, and the member units attending — each a member now (422 <c>invalid_reference</c>
/// naming the first that is not), checked in the meeting's own transaction.
/// </summary>
public sealed class ScheduleMeeting(AllianceReads reads, AllianceStore alliances, TimeProvider clock)
{
    public const int MaxAgenda = 500;

    public static readonly TimeSpan MaxDistance = TimeSpan.FromDays(366);

    /// <summary>The body of <c>POST /v1/alliances/{id}/meetings</c>; every member optional here, validated below.</summary>
    public sealed record Request(DateTimeOffset? At, string? Agenda, List<string?>? AttendingUnitIds);

    /// <summary>Whether the caller may (still) call meetings of the alliance.</summary>
    public Task MayStillAsync(Caller caller, string id, CancellationToken ct) => reads.ManageAsync(caller, id, ct);

    public async Task<Meeting> HandleAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (at, agenda, attendingIds) = Validate(request, now);
        var alliance = await reads.ManageAsync(caller, id, ct);
        var attending = new List<Stored<Member>>();
        for (var i = 0; i < attendingIds.Count; i++)
        {
            if (await alliances.FindMemberAsync(alliance, attendingIds[i], ct) is not { Value.State: MemberState.Active } member)
            {
                throw Problems.InvalidReference($"attendingUnitIds[{i}]", new("须为联盟的成员单位", "must be a member unit of the alliance"));
            }
            attending.Add(member);
        }
        var (meeting, scheduled) = Meeting.Schedule(Keys.NewChildId("mtg", alliance.DistrictId, clock), alliance, at, agenda, attendingIds,
            caller.UserId, now);
        var first = await CreateOnce.AddAsync(() => alliances.AddMeetingAsync(meeting, attending, scheduled, ct),
            async () => (await alliances.FindMeetingAsync(meeting.Id, ct))?.Value);
        return first ?? meeting;
    }

    public static (DateTimeOffset At, string Agenda, IReadOnlyList<string> AttendingUnitIds) Validate(Request request, DateTimeOffset now)
    {
        var v = new Validator();
        var at = v.RequiredValue("at", request.At);
        if (at is { } a && (a < now - MaxDistance || a > now + MaxDistance))
        {
            v.Add("at", new("须在当前时间前后一年之内", "must be within a year of now"));
        }
        var agenda = v.Text("agenda", request.Agenda, MaxAgenda);
        var ids = new List<string>();
        if (request.AttendingUnitIds is not { Count: >= 1 and <= Meeting.MaxAttending } list)
        {
            v.Add("attendingUnitIds", new LocalizedText("需要 1–{0} 个成员单位", "needs 1–{0} member units").Format(Meeting.MaxAttending));
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (v.Id($"attendingUnitIds[{i}]", list[i]) is not { } unitId) continue;
                if (ids.Contains(unitId, StringComparer.Ordinal)) v.Add($"attendingUnitIds[{i}]", new("重复", "is listed twice"));
                else ids.Add(unitId);
            }
        }
        v.ThrowIfInvalid();
        return (at!.Value, agenda!, ids);
    }
}
