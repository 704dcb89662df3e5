using System.Globalization;
using RedYifang.Functions.Alliances;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using static RedYifang.Rules.Tests.Alliances.AllianceSample;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>
/// What the alliance's events become: a closed meeting is an activity closed for each attending unit (Assessment's co-building
/// translator) and nothing before it closes; a seat filled or emptied is a committee role message naming who did it; every
/// change is an integration event with an id that names the step.
/// </summary>
public sealed class AllianceTranslationTests
{
    private static readonly DateTimeOffset At = T0.AddDays(7);

    private static (Meeting Meeting, AllianceEvent Event) Scheduled() =>
        Meeting.Schedule("mtg_d1-1", Ours, At, "议程", ["u1", "u2"], "usr_street", T0);

    [Fact]
    public void A_closed_meeting_is_an_activity_closed_for_each_attending_unit_at_its_time()
    {
        var (scheduled, e) = Scheduled();
        var (_, closed) = scheduled.Close(["evd_1"], "usr_street", At.AddHours(2));

        Assert.Equal(
            [
                new OutboxMessage(CoBuildingEvent.Queue, new CoBuildingEvent(FactKind.ActivityClosed, At, "d1", "u1", "mtg_d1-1")),
                new OutboxMessage(CoBuildingEvent.Queue, new CoBuildingEvent(FactKind.ActivityClosed, At, "d1", "u2", "mtg_d1-1")),
            ],
            new CoBuildingTranslator().Translate(closed));
        Assert.Empty(new CoBuildingTranslator().Translate(e));
        Assert.Empty(new CoBuildingTranslator().Translate(scheduled.Decide("决议", "usr_street", At).Event));
    }

    [Fact]
    public void A_seat_filled_or_emptied_asks_for_the_role_as_whoever_did_it()
    {
        var seat = new CommitteeSeat("aln_d1-1", "d1", "s1", "usr_p", "u1", "usr_street", T0);

        Assert.Equal(
            [new OutboxMessage(CommitteeRoleMessage.Queue, new CommitteeRoleMessage("aln_d1-1", "usr_p", "usr_street", "usr_street"))],
            new CommitteeRoleTranslator().Translate(new AllianceEvent.CommitteeAppointed(seat)));
        Assert.Equal(
            [new OutboxMessage(CommitteeRoleMessage.Queue, new CommitteeRoleMessage("aln_d1-1", "usr_p", "usr_other", "usr_street"))],
            new CommitteeRoleTranslator().Translate(new AllianceEvent.CommitteeRemoved(seat, "usr_other", T0.AddDays(1))));
        Assert.Empty(new CommitteeRoleTranslator().Translate(Scheduled().Event));
    }

    [Fact]
    public void Every_change_is_an_integration_event_named_by_its_step()
    {
        var invited = Member.Invite(Ours, UnitPath, null, "usr_street", T0);
        var accepted = invited.Member.Accept("usr_liaison", T0.AddHours(1));
        var seat = new CommitteeSeat("aln_d1-1", "d1", "s1", "usr_p", "u1", "usr_street", T0);
        var (scheduled, e) = Scheduled();
        var decided = scheduled.Decide("决议", "usr_street", At);
        AllianceEvent[] events =
        [
            Alliance.Create("aln_d1-1", ["d1", "s1"], "联盟", "usr_street", T0).Event, invited.Event, accepted.Event,
            new AllianceEvent.CommitteeAppointed(seat), new AllianceEvent.CommitteeRemoved(seat, "usr_street", T0.AddDays(1)),
            new AllianceEvent.ChairTermAdded(Ours, Term("u1", Day(2026, 1, 1), Day(2026, 6, 30))), e, decided.Event,
            decided.Meeting.Close(["evd_1"], "usr_street", At).Event,
        ];

        var published = events.SelectMany(x => new AllianceIntegrationEvents().Translate(x))
            .Select(m => Assert.IsType<IntegrationEvent>(m.Body)).Select(i => $"{i.Id} {i.Type}").ToList();

        var appointed = T0.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                "aln_d1-1-created alliance.created", "aln_d1-1-u1-1 alliance.memberChanged", "aln_d1-1-u1-2 alliance.memberChanged",
                $"aln_d1-1-seat-usr_p-{appointed}-appointed alliance.committeeChanged",
                $"aln_d1-1-seat-usr_p-{appointed}-removed alliance.committeeChanged",
                "aln_d1-1-chair-2026-01-01 alliance.chairTermAdded", "mtg_d1-1-scheduled alliance.meetingChanged",
                "mtg_d1-1-decision-1 alliance.meetingChanged", "mtg_d1-1-closed alliance.meetingChanged",
            ],
            published);
        var member = new AllianceIntegrationEvents().Translate(accepted.Event).Select(m => (IntegrationEvent)m.Body).Single();
        Assert.Equal("""{"allianceId":"aln_d1-1","districtId":"d1","streetId":"s1","unitId":"u1","from":"invited","to":"active"}""",
            member.Data.GetRawText());
    }
}
