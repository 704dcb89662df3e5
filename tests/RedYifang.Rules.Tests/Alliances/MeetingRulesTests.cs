using RedYifang.Functions.Alliances;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Alliances.AllianceSample;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>
/// Joint meetings: decisions while open (at most 50), closed once held and never again, the close keeping its minutes; the
/// request's time, agenda and attending units (each once, 1–50), and the minutes (1–10 ids).
/// </summary>
public sealed class MeetingRulesTests
{
    private static readonly DateTimeOffset At = T0.AddDays(7);

    private static Meeting Scheduled() =>
        Meeting.Schedule("mtg_d1-1", Ours, At, "议程", ["u1", "u2"], "usr_street", T0).Meeting;

    [Fact]
    public void Decisions_are_recorded_while_open_and_the_meeting_closes_once_it_has_been_held()
    {
        var (decided, _) = Scheduled().Decide("共建义诊每季度一次", "usr_street", At.AddMinutes(30));

        var early = Assert.Throws<ConflictException>(() => decided.Close(["evd_1"], "usr_street", At.AddSeconds(-1)));
        Assert.Equal("meeting_not_held", early.Code);
        var (closed, e) = decided.Close(["evd_1"], "usr_street", At);

        Assert.Equal((MeetingState.Closed, "usr_street", At), (closed.State, closed.ClosedBy, closed.ClosedAt!.Value));
        Assert.Equal(["evd_1"], closed.MinutesEvidenceIds);
        Assert.Equal(closed, Assert.IsType<AllianceEvent.MeetingClosed>(e).Meeting);
        Assert.Equal(["共建义诊每季度一次"], closed.Decisions.Select(d => d.Text));
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => closed.Close(["evd_1"], "x", At)).Code);
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => closed.Decide("再议", "x", At)).Code);
    }

    [Fact]
    public void A_meeting_records_at_most_fifty_decisions()
    {
        var meeting = Scheduled();
        for (var i = 0; i < Meeting.MaxDecisions; i++) meeting = meeting.Decide($"决议 {i}", "usr_street", At).Meeting;

        Assert.Equal("meeting_decisions_full", Assert.Throws<ConflictException>(() => meeting.Decide("再一项", "x", At)).Code);
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(-365, 1, null)]
    [InlineData(367, 1, "at")]
    [InlineData(0, 0, "attendingUnitIds")]
    [InlineData(0, 51, "attendingUnitIds")]
    public void The_request_needs_a_time_within_a_year_and_one_to_fifty_units(int days, int units, string? badField)
    {
        var request = new ScheduleMeeting.Request(T0.AddDays(days), "议程",
            [.. Enumerable.Range(0, units).Select(i => (string?)$"org_u{i}")]);
        if (badField is null)
        {
            Assert.Equal(units, ScheduleMeeting.Validate(request, T0).AttendingUnitIds.Count);
            return;
        }
        Assert.Equal([badField], Assert.Throws<ValidationFailedException>(() => ScheduleMeeting.Validate(request, T0)).Errors!.Keys);
    }

    [Fact]
    public void A_unit_attends_once_and_an_agenda_is_required()
    {
        var refused = Assert.Throws<ValidationFailedException>(() =>
            ScheduleMeeting.Validate(new ScheduleMeeting.Request(T0, " ", ["org_u1", "org_u2", "org_u1", "not an id"]), T0));

        Assert.Equal(["agenda", "attendingUnitIds[2]", "attendingUnitIds[3]"], refused.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_minutes_are_one_to_ten_evidence_ids()
    {
        Assert.Equal(["evd_1"], CloseMeeting.Validate(new CloseMeeting.Request(["evd_1", "evd_1"])));
        Assert.Throws<ValidationFailedException>(() => CloseMeeting.Validate(new CloseMeeting.Request([])));
        Assert.Throws<ValidationFailedException>(() => CloseMeeting.Validate(new CloseMeeting.Request(null)));
        Assert.Throws<ValidationFailedException>(() =>
            CloseMeeting.Validate(new CloseMeeting.Request([.. Enumerable.Range(0, 11).Select(i => (string?)$"evd_{i}")])));
    }
}
