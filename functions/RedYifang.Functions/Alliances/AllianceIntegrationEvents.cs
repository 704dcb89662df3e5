using System.Globalization;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Alliances' published contract, one event per state change: <c>alliance.created</c>; <c>alliance.memberChanged</c> (a unit
/// invited, accepting, declining, leaving); <c>alliance.committeeChanged</c> (a seat appointed or removed); <c>alliance.chairTermAdded</c>;
/// <c>alliance.meetingChanged</c> (scheduled, a decision recorded, closed). Ids name what changed and its step, so a replay
/// is a duplicate Service Bus drops. No names, no agenda or decision text.
/// </summary>
public sealed class AllianceIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        (string Id, IntegrationEventType Type, object Data)? published = domainEvent switch
        {
            AllianceEvent.Created { Alliance: var a } =>
                ($"{a.Id}-created", IntegrationEventType.AllianceCreated,
                    new { allianceId = a.Id, districtId = a.DistrictId, streetId = a.StreetId }),
            AllianceEvent.MemberChanged e => Membership(e),
            AllianceEvent.CommitteeAppointed { Seat: var s } => Seat(s, "appointed"),
            AllianceEvent.CommitteeRemoved { Seat: var s } => Seat(s, "removed"),
            AllianceEvent.ChairTermAdded { Alliance: var a, Term: var t } =>
                ($"{a.Id}-chair-{Day(t.From)}", IntegrationEventType.AllianceChairTermAdded, new
            {
                allianceId = a.Id, districtId = a.DistrictId, streetId = a.StreetId, unitId = t.UnitId, from = Day(t.From), to = Day(t.To),
            }),
            AllianceEvent.MeetingScheduled { Meeting: var m } => Meeting(m, "scheduled"),
            AllianceEvent.DecisionRecorded { Meeting: var m } => Meeting(m, $"decision-{m.Decisions.Count}"),
            AllianceEvent.MeetingClosed { Meeting: var m } => Meeting(m, "closed"),
            _ => null,
        };
        if (published is not { } p) yield break;
        var (queue, message) = IntegrationEvent.Of(p.Id, p.Type, domainEvent.At, p.Data);
        yield return new OutboxMessage(queue, message);
    }

    private static (string, IntegrationEventType, object) Membership(AllianceEvent.MemberChanged e)
    {
        var m = e.Member;
        return ($"{m.AllianceId}-{m.UnitId}-{m.History.Count}", IntegrationEventType.AllianceMemberChanged, new
        {
            allianceId = m.AllianceId, districtId = m.DistrictId, streetId = m.StreetId, unitId = m.UnitId,
            from = e.From is { } from ? EnumText.ToText(from) : null, to = EnumText.ToText(m.State),
        });
    }

    /// <summary>A seat's change: its id names the seat by when it was filled (a person may be appointed again later).</summary>
    private static (string, IntegrationEventType, object) Seat(CommitteeSeat s, string change) =>
        ($"{s.AllianceId}-seat-{s.UserId}-{s.AppointedAt.ToUnixTimeMilliseconds()}-{change}",
            IntegrationEventType.AllianceCommitteeChanged, new
        {
            allianceId = s.AllianceId, districtId = s.DistrictId, streetId = s.StreetId, userId = s.UserId, unitId = s.UnitId, change,
        });

    private static (string, IntegrationEventType, object) Meeting(Meeting m, string step) =>
        ($"{m.Id}-{step}", IntegrationEventType.AllianceMeetingChanged, new
        {
            meetingId = m.Id, allianceId = m.AllianceId, districtId = m.DistrictId, streetId = m.StreetId, at = m.At,
            state = EnumText.ToText(m.State), attendingUnitIds = m.AttendingUnitIds, decisions = m.Decisions.Count,
        });

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
