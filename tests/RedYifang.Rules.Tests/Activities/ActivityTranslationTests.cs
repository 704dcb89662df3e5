using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using static RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>
/// What activity events become: the published contract (activity.stateChanged, activity.attendanceApproved/Declined) with
/// exact ids and bodies; a delivery for Agreements from a closed activity that delivers a commitment (and from nothing else);
/// and, from Evidence's event, the message that tells Activities a piece of an activity's evidence is verified.
/// </summary>
public sealed class ActivityTranslationTests
{
    private static IntegrationEvent Published(IDomainEvent e)
    {
        var message = Assert.Single(new ActivityIntegrationEvents().Translate(e));
        Assert.Equal(IntegrationEvent.Queue, message.Queue);
        return Assert.IsType<IntegrationEvent>(message.Body);
    }

    [Fact]
    public void Created_closed_and_cancelled_are_published_once_each_under_their_state()
    {
        var created = Create();
        var closed = created.Activity.Close(Admin, End, 1);
        var cancelled = created.Activity.Cancel(Admin, Min(-60), "暴雨");

        var events = new[] { created.Events[0], closed.Events[0], cancelled.Events[0] }.Select(Published).ToList();

        Assert.Equal(
            [
                ("act_1-scheduled", null, "scheduled"), ("act_1-closed", "scheduled", "closed"),
                ("act_1-cancelled", "scheduled", "cancelled"),
            ],
            events.Select(e => (e.Id, e.Data.GetProperty("from").GetString(), e.Data.GetProperty("to").GetString())));
        Assert.All(events, e => Assert.Equal("activity.stateChanged", e.Type));
        Assert.Equal(
            "{'activityId':'act_1','districtId':'d1','organiserOrgId':'u1','kind':'freeClinic'," +
            "'startsAt':'2026-12-05T09:00:00+08:00','endsAt':'2026-12-05T11:00:00+08:00','agreementId':'cba_1','commitmentIndex':0," +
            "'from':'scheduled','to':'closed'}",
            events[1].Data.GetRawText().Replace('"', '\''));
    }

    [Fact]
    public void Each_review_is_published_with_the_user_the_hours_the_activity_its_organiser_and_district()
    {
        var activity = Scheduled();
        var approved = Attendance.CheckIn(activity.Id, Member, Min(0)).CheckOut(Min(90)).Approve(activity, Admin, End.AddHours(1), null);
        var declined = approved.Attendance.Decline(activity, Admin, End.AddHours(2), "未到场");

        var (a, d) = (Published(approved), Published(declined));

        Assert.Equal(("act_1-usr_member-3", "activity.attendanceApproved"), (a.Id, a.Type));
        Assert.Equal(("act_1-usr_member-4", "activity.attendanceDeclined"), (d.Id, d.Type));
        Assert.Equal(
            "{'activityId':'act_1','userId':'usr_member','hours':1.5,'source':'checkIn','organiserOrgId':'u1','districtId':'d1'," +
            "'kind':'freeClinic','startsAt':'2026-12-05T09:00:00+08:00'}",
            a.Data.GetRawText().Replace('"', '\''));
        Assert.Equal(1.5m, d.Data.GetProperty("hours").GetDecimal());
        Assert.DoesNotContain("未到场", d.Data.GetRawText());                                 // no reasons leave
    }

    [Fact]
    public void A_closed_activity_delivering_a_commitment_is_a_delivery_of_its_organiser_on_the_day_it_was_held()
    {
        var closed = Scheduled().Close(Admin, End.AddDays(2), 1);

        var message = Assert.Single(new ActivityDeliveryTranslator().Translate(closed.Events[0]));

        Assert.Equal(new OutboxMessage(Delivery.Queue, new Delivery(DeliverySource.Activity, "act_1", "d1", "u1", Category.Medical, Start)),
            message);
    }

    [Fact]
    public void No_other_activity_event_is_a_delivery()
    {
        IDomainEvent[] others =
        [
            Create().Events[0],
            Scheduled().Cancel(Admin, Min(-60), "暴雨").Events[0],
            Scheduled(linked: false).Close(Admin, End, 1).Events[0],
            Attendance.CheckIn("act_1", Member, Min(0)).CheckOut(Min(60)).Approve(Scheduled(), Admin, End, null),
        ];

        Assert.All(others, e => Assert.Empty(new ActivityDeliveryTranslator().Translate(e)));
    }

    [Theory]
    [InlineData(OwnerType.Activity, 1)]
    [InlineData(OwnerType.Order, 0)]
    [InlineData(OwnerType.Agreement, 0)]
    public void Verified_evidence_of_an_activity_and_of_nothing_else_tells_activities(OwnerType owner, int messages)
    {
        var verifiedAt = End.AddHours(1);
        var record = new EvidenceRecord
        {
            Id = "evd_u1-x", OwnerType = owner, OwnerId = "act_1", ScopePath = ["d1", "s1", "u1"], ChainOrgId = "u1",
            ChainOrgPath = ["d1", "s1", "u1"], UploaderId = Admin, Kind = EvidenceKind.Photo, FileName = "a.jpg",
            ContentType = "image/jpeg", Size = 10, UploadSha256 = new string('0', 64), State = EvidenceState.Verified,
            CreatedAt = End, VerifiedAt = verifiedAt,
        };

        var sent = new ActivityEvidenceTranslator().Translate(new EvidenceEvent.Verified(record)).ToList();

        Assert.Equal(messages, sent.Count);
        if (messages == 1)
        {
            Assert.Equal(new OutboxMessage(ActivityEvidenceVerified.Queue, new ActivityEvidenceVerified("act_1", "evd_u1-x", verifiedAt)),
                sent[0]);
        }
    }
}
