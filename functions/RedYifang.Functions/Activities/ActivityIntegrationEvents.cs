using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Activities;

/// <summary>
/// Activities' published contract: <c>activity.stateChanged</c> when an activity is created (scheduled), closed or cancelled —
/// each state reached once, so the id <c>{id}-{state}</c> makes a replay a duplicate — and
/// <c>activity.attendanceApproved</c> / <c>activity.attendanceDeclined</c> for each review of a record, with the user id, the
/// hours it counts, the activity, its organiser and district (what the points ledger needs); their id names the record and
/// its step (<c>{id}-{userId}-{step}</c>), so a review is one event however often it is sent. No names, no reasons.
/// </summary>
public sealed class ActivityIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case ActivityEvent e:
                var a = e.Activity;
                var from = e is ActivityEvent.Created ? null : EnumText.ToText(ActivityState.Scheduled);
                var (queue, message) = IntegrationEvent.Of($"{a.Id}-{EnumText.ToText(a.State)}",
                    IntegrationEventType.ActivityStateChanged, e.At, new
                {
                    activityId = a.Id, districtId = a.DistrictId, organiserOrgId = a.OrganiserOrgId, kind = EnumText.ToText(a.Kind),
                    startsAt = a.StartsAt, endsAt = a.EndsAt, agreementId = a.Agreement?.AgreementId,
                    commitmentIndex = a.Agreement?.CommitmentIndex, from, to = EnumText.ToText(a.State),
                });
                yield return new OutboxMessage(queue, message);
                break;
            case AttendanceEvent r:
                var type = r is AttendanceEvent.Approved
                    ? IntegrationEventType.ActivityAttendanceApproved
                    : IntegrationEventType.ActivityAttendanceDeclined;
                var record = r.Attendance;
                var (q, m) = IntegrationEvent.Of($"{record.ActivityId}-{record.UserId}-{record.History.Count}", type, r.At, new
                {
                    activityId = record.ActivityId, userId = record.UserId, hours = r.Hours, source = EnumText.ToText(record.Source),
                    organiserOrgId = r.Activity.OrganiserOrgId, districtId = r.Activity.DistrictId, kind = EnumText.ToText(r.Activity.Kind),
                    startsAt = r.Activity.StartsAt,
                });
                yield return new OutboxMessage(q, m);
                break;
        }
    }
}
