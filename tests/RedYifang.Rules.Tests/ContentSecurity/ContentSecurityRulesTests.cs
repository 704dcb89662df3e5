using System.Text.Json;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Rules.Tests.ContentSecurity;

/// <summary>
/// Content security's pure rules: WeChat's push signature, what msg_sec_check's answer and the media push mean, how the fields'
/// verdicts make one screening, which answer wins when several arrive, who sees held content, and the scenes.
/// </summary>
public sealed class ContentSecurityRulesTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // The example of WeChat's message push documentation (消息推送, 发起验证): Token AAAAA.
    [Fact]
    public void The_push_signature_is_the_SHA1_of_token_timestamp_and_nonce_sorted_as_WeChat_documents()
    {
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatPushSignature.Compute("AAAAA", "1714036504", "1514711492"));
        Assert.True(WeChatPushSignature.IsValid("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492"));
    }

    [Theory]
    [InlineData("BBBBB", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492")]    // another token
    [InlineData("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036505", "1514711492")]    // timestamp changed
    [InlineData("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711493")]    // nonce changed
    [InlineData("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd144169", "1714036504", "1514711492")]     // one character short
    [InlineData("AAAAA", "F464B24FC39322E44B38AA78F5EDD27BD1441696", "1714036504", "1514711492")]    // not WeChat's lowercase hex
    [InlineData("AAAAA", null, "1714036504", "1514711492")]
    [InlineData("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", null, "1514711492")]
    [InlineData("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "")]
    public void A_push_signature_that_is_not_WeChats_for_the_token_is_refused(string token, string? signature, string? timestamp,
        string? nonce) =>
        Assert.False(WeChatPushSignature.IsValid(token, signature, timestamp, nonce));

    [Fact]
    public void Without_a_token_no_signature_is_valid_not_even_one_computed_over_nothing() =>
        Assert.False(WeChatPushSignature.IsValid("", WeChatPushSignature.Compute("", "1", "2"), "1", "2"));

    [Theory]
    [InlineData("""{"errcode":0,"result":{"suggest":"pass","label":100}}""", Suggest.Pass, "100")]
    [InlineData("""{"errcode":0,"result":{"suggest":"review","label":21000}}""", Suggest.Review, "21000")]
    [InlineData("""{"errcode":0,"result":{"suggest":"risky","label":20001},"detail":[]}""", Suggest.Risky, "20001")]
    [InlineData("""{"errcode":0,"result":{"suggest":"something new","label":20002}}""", Suggest.Review, "20002")]
    [InlineData("""{"errcode":0,"errmsg":"ok"}""", Suggest.None, null)]
    public void A_msg_sec_check_answer_is_its_result_suggest_and_label(string body, Suggest suggest, string? label)
    {
        var verdict = SecurityVerdict.OfText(0, Json(body));
        Assert.Equal((suggest, label), (verdict.Suggest, verdict.Label));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(40003)]
    [InlineData(61010)]
    public void An_error_code_is_no_verdict_whatever_else_the_answer_holds(int errCode) =>
        Assert.Equal(Suggest.None,
            SecurityVerdict.OfText(errCode, Json("""{"errcode":1,"result":{"suggest":"pass","label":100}}""")).Suggest);

    [Fact]
    public void The_media_push_names_its_trace_id_and_gives_its_label_as_a_string()
    {
        var push = SecurityVerdict.OfMediaPush(Json("""
            {"ToUserName":"gh_x","FromUserName":"o_x","CreateTime":1,"MsgType":"event","Event":"wxa_media_check","appid":"wx",
             "trace_id":"690b03d2-301f6111-35ffbd44","version":2,"result":{"suggest":"risky","label":"20002"},
             "detail":[{"strategy":"content_model","errcode":0,"suggest":"risky","label":"20002","prob":90}]}
            """));
        Assert.Equal(("690b03d2-301f6111-35ffbd44", Suggest.Risky, "20002"), (push!.Value.TraceId, push.Value.Verdict.Suggest,
            push.Value.Verdict.Label));
        Assert.Null(SecurityVerdict.OfMediaPush(Json("""{"Event":"wxa_media_check","result":{"suggest":"pass"}}""")));
    }

    [Theory]
    [InlineData(Suggest.Pass, ScreeningState.Passed, null)]
    [InlineData(Suggest.Review, ScreeningState.Pending, ScreeningReason.Review)]
    [InlineData(Suggest.Risky, ScreeningState.Hidden, ScreeningReason.Risky)]
    [InlineData(Suggest.None, ScreeningState.Pending, ScreeningReason.Unavailable)]
    public void A_photos_verdict_shows_holds_or_hides_it(Suggest suggest, ScreeningState state, ScreeningReason? reason)
    {
        var screening = new SecurityVerdict(suggest, "20002").ForPhoto();
        Assert.Equal((state, reason), (screening.State, screening.Reason));
        Assert.Null(screening.DecidedBy);
    }

    private static readonly TextScreening.Field[] OrderFields = [new("title", "标题"), new("description", "描述")];

    [Fact]
    public void A_risky_field_refuses_the_request_naming_each_risky_field_with_its_label_in_Chinese_first()
    {
        var refused = Assert.Throws<RuleViolationException>(() => TextScreening.Combine(OrderFields,
            [new(Suggest.Review, "21000"), new(Suggest.Risky, "20001")]));
        Assert.Equal("content_rejected", refused.Code);
        Assert.Equal(new[] { "description" }, refused.Errors!.Keys);
        Assert.Equal("含有违规内容：时政（20001）", refused.Errors["description"].Single().Zh);
        Assert.Equal("flagged by WeChat: politics (20001)", refused.Errors["description"].Single().En);
        Assert.Contains("时政（20001）", refused.Detail!.Zh);

        var both = Assert.Throws<RuleViolationException>(() => TextScreening.Combine(OrderFields,
            [new(Suggest.Risky, "10001"), new(Suggest.Risky, "20003")]));
        Assert.Equal(new[] { "title", "description" }, both.Errors!.Keys);
        Assert.Equal("含有违规内容：辱骂（20003）", both.Errors["description"].Single().Zh);
    }

    [Fact]
    public void Review_holds_the_text_with_its_label_no_verdict_holds_it_as_unavailable_and_only_all_passing_passes()
    {
        Assert.Equal(new Screening(ScreeningState.Pending, ScreeningReason.Review, "21000"),
            TextScreening.Combine(OrderFields, [new(Suggest.None, null, -1), new(Suggest.Review, "21000")]));
        Assert.Equal(new Screening(ScreeningState.Pending, ScreeningReason.Unavailable),
            TextScreening.Combine(OrderFields, [new(Suggest.Pass, "100"), new(Suggest.None, null, -1)]));
        Assert.Equal(Screening.Pass, TextScreening.Combine(OrderFields, [new(Suggest.Pass, "100"), new(Suggest.Pass, "100")]));
    }

    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly Screening Checking = new(ScreeningState.Checking);
    private static readonly Screening Held = new(ScreeningState.Pending, ScreeningReason.Review, "21000");
    private static readonly Screening Risky = new(ScreeningState.Hidden, ScreeningReason.Risky, "20002");
    private static readonly Screening Approved = new(ScreeningState.Approved, ScreeningReason.Risky, "20002", "usr_admin", At);
    private static readonly Screening HiddenByAdmin = new(ScreeningState.Hidden, ScreeningReason.Review, "21000", "usr_admin", At);

    [Fact]
    public void Between_WeChats_answers_the_stricter_stands_in_whatever_order_and_however_often_they_arrive()
    {
        Screening?[] answers = [Checking, Screening.Pass, Held, Risky];
        foreach (var order in Permutations(answers))
        {
            Assert.Equal(Risky, order.Aggregate((Screening?)null, Screening.Merge));
            Assert.Equal(Risky, order.Concat(order).Aggregate((Screening?)null, Screening.Merge));
        }
        Assert.Equal(Screening.Pass, Screening.Merge(Screening.Pass, Checking));        // the "checking" mark written after the verdict
        Assert.Equal(Screening.Pass, Screening.Merge(Checking, Screening.Pass));
        Assert.Equal(Held, Screening.Merge(Held, null));
    }

    [Fact]
    public void An_admins_decision_wins_over_WeChat_and_only_another_decision_replaces_it()
    {
        Assert.Equal(Approved, Screening.Merge(Risky, Approved));
        Assert.Equal(Approved, Screening.Merge(Approved, Risky));         // a replayed risky verdict after the admin let it be shown
        Assert.Equal(Approved, Screening.Merge(Approved, Held));
        Assert.Equal(HiddenByAdmin, Screening.Merge(Approved, HiddenByAdmin));
        Assert.Equal(Approved, Screening.Merge(HiddenByAdmin, Approved));
    }

    [Fact]
    public void What_awaits_a_person_is_held_content_and_what_WeChat_hid_until_an_admin_decides()
    {
        Assert.True(Held.AwaitsDecision);
        Assert.True(Risky.AwaitsDecision);
        Assert.False(HiddenByAdmin.AwaitsDecision);
        Assert.False(Approved.AwaitsDecision);
        Assert.False(Screening.Pass.AwaitsDecision);
        Assert.False(new Screening(ScreeningState.Unchecked, ScreeningReason.NoOpenId).AwaitsDecision);
    }

    public static TheoryData<string, bool, bool, bool> TextViewers => new()
    {
        // screening, author, admin → shown
        { "none", false, false, true }, { "passed", false, false, true }, { "unchecked", false, false, true },
        { "approved", false, false, true },
        { "pending", false, false, false }, { "pending", true, false, true }, { "pending", false, true, true },
        { "hidden", false, false, false }, { "hidden", true, false, true }, { "hidden", false, true, true },
    };

    public static TheoryData<string, bool, bool, bool> MediaViewers => new()
    {
        // screening, uploader, admin → shown
        { "none", false, false, true }, { "checking", false, false, true }, { "passed", false, false, true },
        { "approved", false, false, true },
        { "pending", false, false, false }, { "pending", true, false, true }, { "pending", false, true, true },
        { "hidden", false, false, false }, { "hidden", true, false, false }, { "hidden", false, true, true },
    };

    private static Screening? Named(string name) => name switch
    {
        "none" => null,
        "passed" => Screening.Pass,
        "unchecked" => new(ScreeningState.Unchecked, ScreeningReason.NotConfigured),
        "checking" => Checking,
        "approved" => Approved,
        "pending" => Held,
        _ => Risky,
    };

    [Theory]
    [MemberData(nameof(TextViewers))]
    public void A_held_or_hidden_text_is_shown_to_its_author_and_admins_and_stood_in_for_to_the_rest(string screening, bool author,
        bool admin, bool shown)
    {
        Assert.Equal(shown, ContentVisibility.ShowsText(Named(screening), author, admin));
        var standIn = screening == "pending" ? "（内容审核中）" : "（内容已隐藏）";
        var expected = shown ? "原文" : standIn;
        Assert.Equal(expected, ContentVisibility.Text("原文", Named(screening), author, admin));
    }

    [Theory]
    [MemberData(nameof(MediaViewers))]
    public void A_held_photo_is_its_uploaders_and_the_admins_and_a_hidden_one_the_admins_only(string screening, bool uploader,
        bool admin, bool shown) =>
        Assert.Equal(shown, ContentVisibility.ShowsMedia(Named(screening), uploader, admin));

    [Fact]
    public void Each_kind_is_screened_in_its_scene()
    {
        Assert.Equal(3, WeChatScenes.ForText(ContentKind.OrderText));          // 论坛: a post with a title
        Assert.Equal(2, WeChatScenes.ForText(ContentKind.RatingComment));      // 评论
        Assert.Equal(2, WeChatScenes.ForText(ContentKind.EvaluationOpinion));  // 评论
        Assert.Equal(2, WeChatScenes.ForText(ContentKind.FollowUpComment));    // 评论: the resident's word on the work
        Assert.Equal(3, WeChatScenes.ForPhoto(ofAnOrder: true));
        Assert.Equal(4, WeChatScenes.ForPhoto(ofAnOrder: false));              // 社交日志: a record of work done
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatScenes.ForText(ContentKind.Photo));
    }

    [Fact]
    public void Labels_read_in_Chinese_first_and_a_new_one_as_other_with_its_code()
    {
        Assert.Equal(new LocalizedText("时政", "politics"), ContentLabels.Name("20001"));
        Assert.Equal(new LocalizedText("其他（29999）", "other (29999)"), ContentLabels.Describe("29999"));
    }

    [Fact]
    public void A_moderation_item_id_carries_its_organisation_follows_from_what_it_lists_and_sorts_by_when_it_was_held()
    {
        static HeldContent Item(string owner, DateTimeOffset at) => new(ContentKind.OrderText, owner, owner, "org_community1",
            ["org_d", "org_community1"], "usr_author", "text", Held, at);

        var id = ModerationItem.IdFor(Item("ord_a", At));
        Assert.Equal(id, ModerationItem.IdFor(Item("ord_a", At)));
        Assert.NotEqual(id, ModerationItem.IdFor(Item("ord_b", At)));
        Assert.Equal("org_community1", ModerationItem.OrgOf(id));
        Assert.True(RedYifang.Functions.Platform.Storage.Keys.IsWellFormedId(id));
        Assert.True(string.CompareOrdinal(id, ModerationItem.IdFor(Item("ord_0", At.AddMilliseconds(1)))) < 0);
    }

    [Theory]
    [InlineData(OrgKind.Unit, "org_d,org_s,org_c,org_u", "org_d,org_s,org_c")]
    [InlineData(OrgKind.VolunteerTeam, "org_d,org_s,org_t", "org_d,org_s")]
    [InlineData(OrgKind.Community, "org_d,org_s,org_c", "org_d,org_s,org_c")]
    [InlineData(OrgKind.Street, "org_d,org_s", "org_d,org_s")]
    public void A_held_opinion_is_decided_by_the_evaluating_street_or_community_or_the_one_a_unit_belongs_to(OrgKind kind, string path,
        string review)
    {
        var evaluation = new Evaluation
        {
            Id = "evl_d-1", DistrictId = "org_d", Period = "2026-11", EvaluatorOrgId = path.Split(',')[^1], EvaluatorKind = kind,
            EvaluatorPath = path.Split(','), SubjectOrgId = "org_x", SubjectKind = OrgKind.Community, SubjectPath = ["org_d", "org_x"],
            Score = 90, Opinion = "好", SubmittedBy = "usr_a", SubmittedAt = At,
        };
        Assert.Equal(review.Split(','), evaluation.ReviewPath);
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => (T[])[item, .. rest]));
}
