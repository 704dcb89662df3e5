using RedYifang.Functions.Agreements;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Agreements.AgreementWalk;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// The agreement state machine: a draft becomes active with the second of its two signatures, whichever comes first; each
/// side signs once; a draft or an active agreement may be terminated; only an active one whose term is over expires; the
/// renewal notice is due in the last 30 days of an active term and raised once.
/// </summary>
public sealed class AgreementLifecycleTests
{
    private static readonly Dictionary<AgreementAction, AgreementState[]> Expected = new()
    {
        [AgreementAction.Create] = [],
        [AgreementAction.Sign] = [AgreementState.Draft],
        [AgreementAction.Countersign] = [AgreementState.Draft],
        [AgreementAction.Terminate] = [AgreementState.Draft, AgreementState.Active],
        [AgreementAction.Expire] = [AgreementState.Active],
    };

    public static TheoryData<AgreementAction, AgreementState> EveryPair()
    {
        var data = new TheoryData<AgreementAction, AgreementState>();
        foreach (var action in Enum.GetValues<AgreementAction>())
        foreach (var state in Enum.GetValues<AgreementState>())
        {
            data.Add(action, state);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_action_in_every_state_is_either_allowed_as_documented_or_invalid_transition(AgreementAction action,
        AgreementState from)
    {
        if (Expected[action].Contains(from))
        {
            AgreementLifecycle.Check(action, from);
        }
        else
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => AgreementLifecycle.Check(action, from));
            Assert.Equal("invalid_transition", refused.Code);
        }
    }

    [Fact]
    public void A_new_agreement_is_a_draft_created_by_its_author()
    {
        var change = Create();

        Assert.Equal(AgreementState.Draft, change.Agreement.State);
        Assert.Equal(("d1", "s1", "u1"), (change.Agreement.DistrictId, change.Agreement.PartyOrgId, change.Agreement.UnitId));
        Assert.Equal([new AgreementStep(AgreementAction.Create, null, AgreementState.Draft, Admin, T0, null)], change.Agreement.History);
        Assert.IsType<AgreementEvent.Created>(Assert.Single(change.Events));
        Assert.Equal(["d1", "s1", "u1"], change.Agreement.Scopes);
    }

    [Fact]
    public void Signing_then_countersigning_activates_with_the_second_signature()
    {
        var signed = Created().Sign(Admin, At(1));
        Assert.Equal(AgreementState.Draft, signed.Agreement.State);
        Assert.IsType<AgreementEvent.Signed>(Assert.Single(signed.Events));

        var countersigned = signed.Agreement.Countersign(Liaison, At(2));

        Assert.Equal(AgreementState.Active, countersigned.Agreement.State);
        Assert.Equal(
            [typeof(AgreementEvent.Countersigned), typeof(AgreementEvent.Activated)],
            countersigned.Events.Select(e => e.GetType()));
        Assert.Equal((new Signature(Admin, At(1)), new Signature(Liaison, At(2))),
            (countersigned.Agreement.Signature!, countersigned.Agreement.Countersignature!));
        Assert.Equal(
            [
                (AgreementAction.Create, (AgreementState?)null, AgreementState.Draft),
                (AgreementAction.Sign, AgreementState.Draft, AgreementState.Draft),
                (AgreementAction.Countersign, AgreementState.Draft, AgreementState.Active),
            ],
            countersigned.Agreement.History.Select(s => (s.Action, s.From, s.To)));
    }

    [Fact]
    public void Countersigning_first_then_signing_activates_just_the_same()
    {
        var countersigned = Created().Countersign(Liaison, At(1));
        Assert.Equal(AgreementState.Draft, countersigned.Agreement.State);

        var signed = countersigned.Agreement.Sign(Admin, At(2));

        Assert.Equal(AgreementState.Active, signed.Agreement.State);
        Assert.Equal([typeof(AgreementEvent.Signed), typeof(AgreementEvent.Activated)], signed.Events.Select(e => e.GetType()));
    }

    [Fact]
    public void Each_side_signs_once()
    {
        var signed = Created().Sign(Admin, At(1)).Agreement;
        var countersigned = Created().Countersign(Liaison, At(1)).Agreement;

        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => signed.Sign(Admin, At(2))).Code);
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => countersigned.Countersign(Liaison, At(2))).Code);
        Assert.Throws<InvalidTransitionException>(() => Active().Sign(Admin, At(3)));
        Assert.Throws<InvalidTransitionException>(() => Active().Countersign(Liaison, At(3)));
    }

    [Fact]
    public void Terminating_records_the_reason_and_where_it_came_from()
    {
        var fromActive = Active().Terminate(Admin, At(30), "单位搬迁");
        var fromDraft = Created().Terminate(Admin, At(3), "起草有误");

        Assert.Equal(AgreementState.Terminated, fromActive.Agreement.State);
        Assert.Equal(new AgreementStep(AgreementAction.Terminate, AgreementState.Active, AgreementState.Terminated, Admin, At(30), "单位搬迁"),
            fromActive.Agreement.History[^1]);
        Assert.Equal(AgreementState.Active, Assert.IsType<AgreementEvent.Terminated>(Assert.Single(fromActive.Events)).From);
        Assert.Equal(AgreementState.Draft, Assert.IsType<AgreementEvent.Terminated>(Assert.Single(fromDraft.Events)).From);
        Assert.Throws<InvalidTransitionException>(() => fromActive.Agreement.Terminate(Admin, At(31), "again"));
    }

    [Fact]
    public void An_active_agreement_runs_through_its_last_day_in_China_and_expires_the_day_after()
    {
        var active = Active();
        // 31 December 2026 23:59 CST is still the term; 1 January 2027 00:00 CST (16:00 UTC the day before) is not.
        var lastMinute = new DateTimeOffset(2026, 12, 31, 23, 59, 0, China);
        var dayAfter = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

        Assert.False(active.HasEnded(lastMinute));
        Assert.Throws<InvalidOperationException>(() => active.Expire(lastMinute));
        Assert.True(active.HasEnded(dayAfter));
        var expired = active.Expire(dayAfter);
        Assert.Equal(AgreementState.Expired, expired.Agreement.State);
        Assert.Equal(("system", "协议期满"), (expired.Agreement.History[^1].By, expired.Agreement.History[^1].Reason));
        Assert.IsType<AgreementEvent.Expired>(Assert.Single(expired.Events));
        // A draft whose term is over does not expire: it never came into force (it may be terminated).
        Assert.Throws<InvalidTransitionException>(() => Created().Expire(dayAfter));
    }

    [Fact]
    public void The_renewal_notice_is_due_in_the_last_30_days_of_an_active_term_and_raised_once()
    {
        var active = Active();
        var day31Before = OnDay(2026, 11, 30);   // the term ends 31 December: 31 days left
        var day30Before = new DateTimeOffset(2026, 12, 1, 0, 0, 0, China);

        Assert.False(active.IsRenewalDue(day31Before));
        Assert.True(active.IsRenewalDue(day30Before));
        Assert.False(Created().IsRenewalDue(day30Before));                    // drafts are not renewed
        var noticed = active.NoteRenewalDue(day30Before);
        Assert.Equal((AgreementState.Active, day30Before), (noticed.Agreement.State, noticed.Agreement.RenewalDueAt!.Value));
        Assert.IsType<AgreementEvent.RenewalDue>(Assert.Single(noticed.Events));
        Assert.Equal(active.History, noticed.Agreement.History);             // no step: the state does not change
        Assert.False(noticed.Agreement.IsRenewalDue(OnDay(2026, 12, 20)));
        Assert.Throws<InvalidOperationException>(() => noticed.Agreement.NoteRenewalDue(OnDay(2026, 12, 20)));
    }
}
