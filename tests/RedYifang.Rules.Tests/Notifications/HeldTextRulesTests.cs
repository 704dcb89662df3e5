using System.Text.Json;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Notifications;

/// <summary>
/// A held text in a notification (Notifications/NotificationEvent.cs SeenBy, NotificationMessages.cs): the event carries the
/// title's screening as the order had it at the event, and each recipient is sent what ContentVisibility would show them — the
/// owner and the community's admins the text, a unit's liaisons the stand-in — in the message's values and the inbox summary.
/// </summary>
public sealed class HeldTextRulesTests
{
    private static readonly MessageTemplate UnitTask = new("unitTask", "t", "p", [
        new FieldMapping("thing1", "thing", MessageField.Title), new FieldMapping("thing3", "thing", MessageField.Note),
    ]);

    private static NotificationEvent Translated(OrderEvent e) =>
        Assert.IsType<NotificationEvent>(Assert.Single(new NotificationTranslator().Translate(e)).Body);

    private static Order Held(ScreeningState state) => Published() with
    {
        Moderation = new Screening(state, ScreeningReason.Review, "21000", state == ScreeningState.Pending ? null : Admin, At(12)),
    };

    private static StoredNotification Draft(NotificationEvent e, Audience audience) =>
        NotificationMessages.Draft(e, new NotificationRules.Recipient("usr_x", audience, UnitTask.Key), UnitTask);

    [Theory]
    [InlineData(ScreeningState.Pending, "（内容审核中）")]
    [InlineData(ScreeningState.Hidden, "（内容已隐藏）")]
    [InlineData(ScreeningState.Approved, "助老上门")]
    [InlineData(ScreeningState.Passed, "助老上门")]
    public void A_held_title_is_the_owners_and_admins_and_a_liaison_reads_its_stand_in(ScreeningState state, string liaisonReads)
    {
        var e = Translated(Held(state).Match(Agreement).Events[0]);

        // Only the state travels: neither the admin who decided nor WeChat's label.
        Assert.Equal(new Screening(state), e.TitleScreening);
        var liaison = Draft(e, Audience.UnitLiaisons);
        Assert.Equal(liaisonReads, liaison.Data["thing1"]);
        Assert.StartsWith($"「{liaisonReads}」", liaison.Summary, StringComparison.Ordinal);
        // The owner is told of the match; the community's admins of a claim (the events the table tells each of).
        var claimed = Translated(Held(state).Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Events[0]);
        foreach (var told in new[] { Draft(e, Audience.Owner), Draft(claimed, Audience.CommunityAdmins) })
        {
            Assert.Equal("助老上门", told.Data["thing1"]);
            Assert.StartsWith("「助老上门」", told.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_order_written_before_screening_began_is_told_as_it_always_was()
    {
        var e = Translated(Published().Match(Agreement).Events[0]);

        Assert.Null(e.TitleScreening);
        Assert.Equal("助老上门", Draft(e, Audience.UnitLiaisons).Data["thing1"]);
    }

    [Fact]
    public void A_held_reason_is_the_stand_in_to_the_liaisons_and_a_reason_not_held_is_told_as_given()
    {
        var reopened = Translated(Completed().Apply(OrderAction.Reopen, Admin, At(55), "又坏了").Events[0]);
        Assert.False(reopened.ReasonHeld);
        Assert.Equal("又坏了", Draft(reopened, Audience.UnitLiaisons).Data["thing3"]);

        var held = reopened with { ReasonHeld = true };
        var liaison = Draft(held, Audience.UnitLiaisons);
        Assert.Equal("（内容审核中）", liaison.Data["thing3"]);
        Assert.EndsWith("：（内容审核中）", liaison.Summary, StringComparison.Ordinal);
        // The resident wrote it and the admins are over it (the table tells neither of a reopening, but the rule is the same).
        Assert.Equal(("又坏了", "又坏了"), (held.SeenBy(Audience.Owner).Reason, held.SeenBy(Audience.CommunityAdmins).Reason));
    }

    [Fact]
    public void A_residents_held_follow_up_comment_reaches_the_liaisons_as_the_stand_in_and_a_passed_one_as_written()
    {
        var at = At(60).AddDays(8);
        var held = Translated(Accepted().FollowUpBy(false, "又坏了", Resident, at, 7,
            new Screening(ScreeningState.Pending, ScreeningReason.Review, "10001")).Events[0]);
        Assert.True(held.ReasonHeld);
        Assert.Equal("（内容审核中）", Draft(held, Audience.UnitLiaisons).Data["thing3"]);

        var passed = Translated(Accepted().FollowUpBy(false, "又坏了", Resident, at, 7, Screening.Pass).Events[0]);
        Assert.False(passed.ReasonHeld);
        Assert.Equal("居民回访：问题未解决。又坏了", Draft(passed, Audience.UnitLiaisons).Data["thing3"]);
    }

    [Fact]
    public void A_queued_event_without_the_new_fields_reads_as_shown_to_all()
    {
        // A message staged before this change was deployed has neither field: it is sent as it would have been.
        var e = Translated(Held(ScreeningState.Pending).Match(Agreement).Events[0]);
        var json = JsonSerializer.SerializeToNode(e, Json.Options)!.AsObject();
        Assert.Equal("pending", json["titleScreening"]!["state"]!.GetValue<string>());
        json.Remove("titleScreening");
        json.Remove("reasonHeld");
        var old = json.Deserialize<NotificationEvent>(Json.Options)!;

        Assert.Equal((null, false), (old.TitleScreening, old.ReasonHeld));
        Assert.Equal(e with { TitleScreening = null }, old);
    }

    [Fact]
    public void The_event_never_carries_the_description_the_contact_phone_or_the_moderation_label()
    {
        var order = Held(ScreeningState.Hidden);
        foreach (var e in new[] { order.Match(Agreement).Events[0], order.Apply(OrderAction.Cancel, Admin, At(20), "重复").Events[0] })
        {
            var json = JsonSerializer.Serialize(Translated(e), Json.Options);
            Assert.DoesNotContain("每周上门陪护", json, StringComparison.Ordinal);
            Assert.DoesNotContain("13812341234", json, StringComparison.Ordinal);
            Assert.DoesNotContain("21000", json, StringComparison.Ordinal);
        }
    }
}
