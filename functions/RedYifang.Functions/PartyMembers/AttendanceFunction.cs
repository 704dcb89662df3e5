using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>Awards or takes back points for each attendance decision (queue <c>party-member-attendance</c>).</summary>
internal sealed class AttendanceFunction(AwardAttendancePoints award, ReverseAttendancePoints reverse)
{
    [Function("PartyMemberAttendancePoints")]
    public async Task Run([QueueTrigger(AttendanceMessage.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct)
    {
        var attendance = QueueMessages.Parse<AttendanceMessage>(message);
        if (attendance.Outcome == AttendanceOutcome.Approved) await award.HandleAsync(attendance, ct);
        else await reverse.HandleAsync(attendance, ct);
    }
}
