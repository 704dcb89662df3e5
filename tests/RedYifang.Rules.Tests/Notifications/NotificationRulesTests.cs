using System.Text.Json;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Notifications;

/// <summary>
/// Who is told of what (Notifications/NotificationRules.cs, NotificationTranslator.cs): each order event of OrderWalk
/// translated and its recipients picked, with two liaisons of the unit and two admins of the community; the owner as the
/// resident the order is for, never the admin who filed it, nobody for a represented resident; never the actor; and
/// docs/notifications.md's table the same as the code's.
/// </summary>
public sealed class NotificationRulesTests
{
    private const string OtherLiaison = "usr_liaison2";
    private const string OtherAdmin = "adm_c2";

    private static readonly Dictionary<Audience, IReadOnlyList<string>> Members = new()
    {
        [Audience.UnitLiaisons] = [Liaison, OtherLiaison], [Audience.CommunityAdmins] = [Admin, OtherAdmin],
    };

    private static readonly Dictionary<string, Func<OrderEvent>> Events = new()
    {
        ["submitted"] = () => Submit().Events[0],
        ["published"] = () => Submitted().Apply(OrderAction.Publish, Admin, At(10)).Events[0],
        ["rejected"] = () => Submitted().Apply(OrderAction.Reject, Admin, At(10), "重复提交").Events[0],
        ["claimed"] = () => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Events[0],
        ["claim rejected"] = () => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Order
            .RejectClaim("org_u", Admin, At(18), "资源不符").Events[0],
        ["matched"] = () => Published().Match(Agreement).Events[0],
        ["claim approved"] = () => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Order.Match(Agreement).Events[0],
        ["agreed"] = () => Matched().Apply(OrderAction.Agree, Liaison, At(30)).Events[0],
        ["started"] = () => Agreed().Apply(OrderAction.Start, Liaison, At(40)).Events[0],
        ["completed"] = () => InProgress().Complete(FirstCompletion, Liaison).Events[0],
        ["reopened"] = () => Completed().Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰").Events[0],
        ["accepted"] = () => Completed().Accept(Admin, At(60), evidenceVerified: true).Events[0],
        ["rated"] = () => Accepted().Rate(FourStars, Resident).Events[0],
        ["expired"] = () => Published().Apply(OrderAction.Expire, "system", At(100), "无人认领，已过期").Events[0],
        ["cancelled by the owner"] = () => Published().Apply(OrderAction.Cancel, Resident, At(45), "不需要了").Events[0],
        ["cancelled by an admin"] = () => Matched().Apply(OrderAction.Cancel, Admin, At(45), "重复订单").Events[0],
        ["declined by a liaison"] = () => Agreed().Decline(Liaison, At(35), "人手不足").Events[0],
        ["followed up, not fixed"] = () => Accepted().FollowUpBy(false, "又坏了", Resident, At(60 + (8 * 1440)), 7).Events[0],
        ["followed up, fixed"] = () => Accepted().FollowUpBy(true, null, Resident, At(60 + (8 * 1440)), 7).Events[0],
        ["closed unrated"] = () => Accepted().CloseUnrated(At(60 + (31 * 1440)), 30).Events[0],
    };

    public static TheoryData<string> EveryEvent() => [.. Events.Keys];

    private static NotificationEvent? Translated(OrderEvent e) =>
        new NotificationTranslator().Translate(e).Select(m =>
        {
            Assert.Equal(NotificationEvent.Queue, m.Queue);
            return Assert.IsType<NotificationEvent>(m.Body);
        }).SingleOrDefault();

    private static string[] Told(NotificationEvent e) =>
        [.. NotificationRules.Recipients(e, a => Members.GetValueOrDefault(a, [])).Select(r => $"{r.UserId} {r.TemplateKey}")];

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Each_event_tells_whom_the_table_names_but_never_whoever_did_it(string name)
    {
        string[] expected = name switch
        {
            // The resident submitted: both admins review it.
            "submitted" => [$"{Admin} orderReview", $"{OtherAdmin} orderReview"],
            // The liaison claimed: both admins confirm it.
            "claimed" => [$"{Admin} orderReview", $"{OtherAdmin} orderReview"],
            // The admin acted: the owner is told, and the other admin is no recipient of these.
            "published" or "rejected" or "accepted" or "cancelled by an admin" => [$"{Resident} orderStatus"],
            "expired" => [$"{Resident} orderStatus"],
            "matched" or "claim approved" => [$"{Resident} orderStatus", $"{Liaison} unitTask", $"{OtherLiaison} unitTask"],
            // The liaison acted: the owner is told.
            "started" or "completed" => [$"{Resident} orderStatus"],
            // The admin sent it back, or the resident's follow-up did: the liaisons are told.
            "reopened" or "followed up, not fixed" => [$"{Liaison} unitTask", $"{OtherLiaison} unitTask"],
            // The liaison who declined is not told; the unit's other liaison is.
            "declined by a liaison" => [$"{OtherLiaison} unitTask"],
            // Their own act: a resident who cancels is not told.
            "cancelled by the owner" => [],
            "agreed" or "rated" or "claim rejected" or "followed up, fixed" or "closed unrated" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var e = Translated(Events[name]());

        Assert.Equal(expected, e is null ? [] : Told(e));
    }

    [Fact]
    public void A_match_on_the_units_claim_is_a_claim_approved_and_a_match_without_one_is_matched()
    {
        Assert.Equal(NotificationKind.ClaimApproved, Translated(Events["claim approved"]())!.Kind);
        Assert.Equal(NotificationKind.Matched, Translated(Events["matched"]())!.Kind);
        // Another unit's claim does not make the community's match a claim approved.
        var other = Published().Claim(new OrderClaim("org_other", "res_9", "usr_other", At(15))).Order.Match(Agreement).Events[0];
        Assert.Equal(NotificationKind.Matched, Translated(other)!.Kind);
    }

    [Fact]
    public void The_event_carries_the_transitions_id_reason_unit_and_actor_and_a_claim_an_id_of_its_own()
    {
        var rejected = Translated(Events["rejected"]())!;
        Assert.Equal(new NotificationEvent("ord_1-2", NotificationKind.Rejected, At(10), "ord_1", "c1", null, Resident, Admin, "助老上门",
            Category.ElderlyCare, "重复提交"), rejected);
        var declined = Translated(Events["declined by a liaison"]())!;
        Assert.Equal(("ord_1-5", "org_u", Liaison, "人手不足"), (declined.EventId, declined.UnitId, declined.Actor, declined.Reason));
        var claimed = Translated(Events["claimed"]())!;
        Assert.Equal(($"ord_1-claim-org_u-{At(15).ToUnixTimeMilliseconds()}", "org_u", Liaison),
            (claimed.EventId, claimed.UnitId, claimed.Actor));
    }

    private static Order FiledBy(Behalf behalf) => Order.Submit(
        new NewOrder
        {
            Level = OrderLevel.Community, Title = "代办：助餐", Category = Category.ElderlyCare, Description = "代为申请", Beneficiaries = 1,
            Urgency = Urgency.Normal,
        },
        "ord_2",
        ["d1", "s1", "c1"],
        Admin,
        T0,
        raisedByStaff: true,
        behalf).Order;

    [Fact]
    public void An_order_filed_for_a_resident_tells_the_resident_as_owner_never_the_admin_who_filed_it()
    {
        var order = FiledBy(new Behalf(Resident, null));

        var published = Translated(order.Apply(OrderAction.Publish, OtherAdmin, At(10)).Events[0])!;
        var submitted = Translated(Order.Submit(new NewOrder
        {
            Level = OrderLevel.Community, Title = "代办", Category = Category.ElderlyCare, Description = "d", Beneficiaries = 1,
            Urgency = Urgency.Normal,
        }, "ord_3", ["d1", "s1", "c1"], Admin, T0, true, new Behalf(Resident, null)).Events[0])!;

        Assert.Equal([$"{Resident} orderStatus"], Told(published));
        // The admin who filed it is the actor of its submission: only the other admin reviews it.
        Assert.Equal([$"{OtherAdmin} orderReview"], Told(submitted));
        Assert.Equal((Resident, Admin), (published.OwnerId, submitted.Actor));
    }

    [Fact]
    public void A_represented_order_has_no_owner_to_tell_and_its_phone_and_name_never_reach_the_message()
    {
        var order = FiledBy(new Behalf(null, new RepresentedPerson("王阿姨", "13912345678")));
        var published = order.Apply(OrderAction.Publish, OtherAdmin, At(10));
        var cancelled = published.Order.Apply(OrderAction.Cancel, OtherAdmin, At(20), "已电话联系");

        foreach (var change in new[] { published, cancelled })
        {
            var e = Translated(change.Events[0])!;
            Assert.Null(e.OwnerId);
            Assert.Empty(Told(e));
            var json = JsonSerializer.Serialize(e, Json.Options);
            Assert.DoesNotContain("王阿姨", json);
            Assert.DoesNotContain("13912345678", json);
        }
        // Nor the contact phone a resident gives.
        Assert.DoesNotContain("13812341234", JsonSerializer.Serialize(Translated(Events["published"]()), Json.Options));
    }

    [Fact]
    public void A_user_named_by_two_rules_is_told_once_by_the_first()
    {
        // The resident is also a liaison of the unit that serves them.
        var e = Translated(Events["matched"]())!;
        var told = NotificationRules.Recipients(e, a => a == Audience.UnitLiaisons ? [Resident, Liaison] : []);

        Assert.Equal([$"{Resident} {Audience.Owner}", $"{Liaison} {Audience.UnitLiaisons}"], told.Select(r => $"{r.UserId} {r.Audience}"));
    }

    [Fact]
    public void Every_state_is_a_phrase_WeChat_takes_and_every_note_a_thing()
    {
        foreach (var rule in NotificationRules.Table)
        {
            Assert.True(FakeWeChat.Fits("phrase1", rule.State), $"{rule.Kind} {rule.Audience}: {rule.State}");
            Assert.Equal(rule.Note, WeChatValues.Fit("thing", rule.Note));
        }
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), NotificationRules.Table.Select(r => r.Kind).Distinct().Order());
    }

    [Fact]
    public void Docs_notification_table_is_the_codes()
    {
        var doc = File.ReadAllLines(Path.Combine(FunctionsHost.RepositoryRoot(), "docs", "notifications.md"));
        var start = Array.FindIndex(doc, l => l.StartsWith("## THE NOTIFICATION TABLE", StringComparison.Ordinal));
        var rows = doc.Skip(start).SkipWhile(l => !l.StartsWith("| event |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .Select(c => $"{c[0].Trim('`')} {AudienceOf(c[2])} {c[3].Trim('`')} {c[4]}")
            .ToList();

        var code = NotificationRules.Table
            .Select(r => $"{JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString())} {r.Audience} {r.TemplateKey} {r.State}");
        Assert.Equal(code, rows);
    }

    private static Audience AudienceOf(string recipients) => recipients switch
    {
        "owner" => Audience.Owner,
        "community admins" => Audience.CommunityAdmins,
        _ when recipients.StartsWith("the unit's liaisons", StringComparison.Ordinal) => Audience.UnitLiaisons,
        _ => throw new ArgumentOutOfRangeException(nameof(recipients), recipients),
    };
}
