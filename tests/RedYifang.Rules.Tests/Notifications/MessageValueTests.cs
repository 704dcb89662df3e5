using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Notifications;

/// <summary>
/// What a message may carry (Notifications/WeChatValues.cs, PhoneNumbers.cs, TemplateFields.cs, NotificationMessages.cs):
/// WeChat's limits per keyword type, no phone number, mappings checked at start, the options' defaults, the subscription
/// answers and the back-off.
/// </summary>
public sealed class MessageValueTests
{
    [Theory]
    [InlineData("请联系13812345678", "请联系***")]
    [InlineData("电话 138 1234 5678 李", "电话 *** 李")]
    [InlineData("电话138-1234-5678", "电话***")]
    [InlineData("座机0431-88886666转", "座机***转")]
    [InlineData("+86 13912345678", "***")]
    [InlineData("全角１３８１２３４５６７８", "全角***")]
    [InlineData("2026年5月20日 12:00 3号楼1201室", "2026年5月20日 12:00 3号楼1201室")]
    [InlineData("订单号123456", "订单号123456")]
    public void Phone_like_digit_runs_are_masked_and_dates_house_numbers_and_short_numbers_are_not(string text, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.Scrub(text));
        Assert.False(PhoneNumbers.Contains(PhoneNumbers.Scrub(text)));
    }

    [Fact]
    public void A_thing_is_at_most_20_characters_cut_to_19_and_an_ellipsis_counting_a_surrogate_pair_as_one()
    {
        var twenty = new string('修', 20);
        Assert.Equal(twenty, WeChatValues.Fit("thing", twenty));
        Assert.Equal(new string('修', 19) + "…", WeChatValues.Fit("thing", twenty + "灯"));
        var emoji = string.Concat(Enumerable.Repeat("🏠", 21));
        var cut = WeChatValues.Fit("thing", emoji)!;
        Assert.Equal(20, cut.EnumerateRunes().Count());
        Assert.True(FakeWeChat.Fits("thing1", cut));
        Assert.Equal("无", WeChatValues.Fit("thing", "  \n "));
        Assert.Equal("第一行 第二行", WeChatValues.Fit("thing", "第一行\r\n第二行"));
    }

    [Fact]
    public void A_phrase_is_at_most_five_Chinese_characters_and_a_character_string_32_ASCII_without_a_phone()
    {
        Assert.Equal("已发布", WeChatValues.Fit("phrase", "已发布"));
        Assert.Equal("服务进行中", WeChatValues.Fit("phrase", "服务进行中了吧"));
        Assert.Equal("已完成", WeChatValues.Fit("phrase", "OK 已完成!"));
        Assert.Null(WeChatValues.Fit("phrase", "done"));
        Assert.Equal(new string('a', 32), WeChatValues.Fit("character_string", new string('a', 40)));
        Assert.Equal("No.***", WeChatValues.Fit("character_string", "No.13812345678 李"));
        Assert.Null(WeChatValues.Fit("phone_number", "13812345678"));
    }

    [Fact]
    public void Times_and_dates_are_in_China_time_as_WeChat_writes_them()
    {
        var at = new DateTimeOffset(2026, 5, 20, 16, 5, 0, TimeSpan.Zero);   // 00:05 on the 21st in China
        Assert.Equal("2026年5月21日 00:05", WeChatValues.Time(at));
        Assert.Equal("2026年5月21日", WeChatValues.Date(at));
        Assert.True(FakeWeChat.Fits("time4", WeChatValues.Time(at)));
        Assert.True(FakeWeChat.Fits("date2", WeChatValues.Date(at)));
    }

    [Fact]
    public void Field_mappings_that_WeChat_cannot_carry_are_refused_each_named()
    {
        Assert.Empty(TemplateFields.Parse("thing1=title;phrase2=state;time3=at;character_string4=orderNo;date5=at;thing6=category").Errors);
        string[] Errors(string mapping) => [.. TemplateFields.Parse(mapping).Errors];
        Assert.Contains("phone_number3: no phone number or person's name is ever sent", Errors("thing1=title;phone_number3=note"));
        Assert.Contains("name2: no phone number or person's name is ever sent", Errors("name2=title"));
        Assert.Contains("phrase2: title cannot be sent as phrase (it fits thing)", Errors("phrase2=title"));
        Assert.Contains("time1: note cannot be sent as time (it fits thing)", Errors("time1=note"));
        Assert.Single(Errors("thing1=reason"));
        Assert.Single(Errors("thing1"));
        Assert.Single(Errors("thing1=title;thing1=note"));
        Assert.Single(Errors("amount3=title"));
        Assert.Equal(["no keyword is mapped"], Errors(""));
    }

    private static NotificationOptions Bound(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddNotifications(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<NotificationOptions>>().Value;
    }

    [Fact]
    public void Settings_replace_a_templates_parts_and_the_defaults_fill_the_rest_and_every_default_is_valid()
    {
        var options = Bound(new()
        {
            ["Notifications:Templates:orderStatus:TemplateId"] = "Abc-123_x",
            ["Notifications:Templates:unitTask:Fields"] = "thing1=title;time2=at",
        });

        Assert.Equal(("Abc-123_x", NotificationOptions.Defaults["orderStatus"].Fields), (options.Templates["orderStatus"].TemplateId,
            options.Templates["orderStatus"].Fields));
        Assert.Equal(("local-unit-task", "thing1=title;time2=at"),
            (options.Templates["unitTask"].TemplateId, options.Templates["unitTask"].Fields));
        Assert.Equal("local-order-review", options.Templates["orderReview"].TemplateId);
        Assert.Empty(Bound([]).Errors());
    }

    [Fact]
    public void A_mapping_with_a_phone_an_unknown_template_or_a_bad_template_id_stops_the_app_at_start()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bound(new()
        {
            ["Notifications:Templates:orderStatus:Fields"] = "thing1=title;phone_number2=note",
            ["Notifications:Templates:newsletter:TemplateId"] = "x",
            ["Notifications:Templates:unitTask:TemplateId"] = "has space",
        }));

        Assert.Equal(3, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.Contains("orderStatus:Fields: phone_number2", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("newsletter is no template", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("unitTask:TemplateId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_fits_WeChats_limits_masks_phones_and_says_the_reason()
    {
        var templates = new NotificationTemplates(Options.Create(Bound([])));
        var e = new NotificationEvent("ord_c1-01abc-3", NotificationKind.Rejected, new DateTimeOffset(2026, 5, 20, 4, 0, 0, TimeSpan.Zero),
            "ord_c1-01abcdefghjkmnpqrstvwxyz0123", "org_c1", null, "usr_r", "usr_a",
            "请致电13812345678找王师傅修理三号楼的楼道灯和门禁", Category.Repairs, "信息不全，请拨打0431-88886666补充");
        var draft = NotificationMessages.Draft(e, new NotificationRules.Recipient("usr_r", Audience.Owner, "orderStatus"),
            templates["orderStatus"]);

        Assert.Equal(["thing1", "phrase2", "thing3", "time4"], draft.Data.Keys);
        Assert.Equal("请致电***找王师傅修理三号楼的楼道灯…", draft.Data["thing1"]);
        Assert.Equal(("未通过", "信息不全，请拨打***补充", "2026年5月20日 12:00"), (draft.Data["phrase2"], draft.Data["thing3"], draft.Data["time4"]));
        Assert.All(draft.Data, d => Assert.True(FakeWeChat.Fits(d.Key, d.Value), $"{d.Key}={d.Value}"));
        Assert.False(PhoneNumbers.Contains(draft.Summary));
        Assert.Equal("pages/orders/detail?id=ord_c1-01abcdefghjkmnpqrstvwxyz0123", draft.Page);
        Assert.Equal(NotificationStore.IdOf(e.EventId, "usr_r", e.At), draft.Id);
        var review = NotificationMessages.Draft(e with { Kind = NotificationKind.Submitted },
            new NotificationRules.Recipient("usr_a2", Audience.CommunityAdmins, "orderReview"), templates["orderReview"]);
        Assert.Equal(("维修服务", "待审核"), (review.Data["phrase2"], review.Data["phrase3"]));
    }

    [Fact]
    public void A_notifications_id_is_the_same_for_the_same_event_and_user_newest_first_and_well_formed()
    {
        var at = new DateTimeOffset(2026, 5, 20, 4, 0, 0, TimeSpan.Zero);
        var id = NotificationStore.IdOf("ord_x-2", "usr_a", at);

        Assert.Equal(id, NotificationStore.IdOf("ord_x-2", "usr_a", at));
        Assert.NotEqual(id, NotificationStore.IdOf("ord_x-2", "usr_b", at));
        Assert.True(NotificationStore.IsId(id));
        Assert.True(string.CompareOrdinal(NotificationStore.IdOf("ord_x-3", "usr_a", at.AddSeconds(1)), id) < 0);   // newer sorts first
    }

    [Theory]
    [InlineData("accept", true)]
    [InlineData("acceptWithAudio", true)]
    [InlineData("acceptWithAlert", true)]
    [InlineData("reject", false)]
    [InlineData("ban", false)]
    [InlineData("filter", false)]
    public void Only_an_accepting_answer_adds_a_subscription(string answer, bool adds) =>
        Assert.Equal(("orderStatus", adds), AddSubscription.Validate(new("orderStatus", answer)));

    [Fact]
    public void An_unknown_template_is_422_and_a_missing_or_unknown_answer_400()
    {
        Assert.Equal("unknown_template", Assert.Throws<RuleViolationException>(() => AddSubscription.Validate(new("news", "accept"))).Code);
        Assert.Equal(["accepted", "templateKey"],
            Assert.Throws<ValidationFailedException>(() => AddSubscription.Validate(new(null, "yes"))).Errors!.Keys.Order());
        Assert.Equal(["accepted"],
            Assert.Throws<ValidationFailedException>(() => AddSubscription.Validate(new("orderStatus", " accept"))).Errors!.Keys);
    }

    [Fact]
    public void A_busy_WeChat_is_tried_again_after_the_delay_doubling_up_to_an_hour()
    {
        var delay = TimeSpan.FromSeconds(30);
        Assert.Equal([30, 60, 120, 240, 480], Enumerable.Range(1, 5).Select(a => SendNotifications.Backoff(delay, a).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), SendNotifications.Backoff(TimeSpan.FromMinutes(30), 5));
    }
}
