using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// What the points ledger needs to hear of activities: each review of an attendance record, as an <see cref="AttendanceMessage"/>
/// on this feature's own queue, staged with the review. The decision's instant orders decisions about one record (the ledger
/// applies only one later than the last it applied); a record checked in (not back-filled) also earns the check-in points.
/// </summary>
public sealed class AttendanceTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not AttendanceEvent e) yield break;
        var outcome = e is AttendanceEvent.Approved ? AttendanceOutcome.Approved : AttendanceOutcome.Declined;
        yield return new OutboxMessage(AttendanceMessage.Queue, new AttendanceMessage(outcome, e.Activity.Id, e.Activity.OrganiserOrgId,
            e.Activity.DistrictId, e.Attendance.UserId, e.Hours, e.At, e.Attendance.Source == AttendanceSource.CheckIn));
    }
}
