using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Resources;
using RedYifang.Functions.Tests.Notifications;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// A match its unit leaves unanswered goes back to the pool (issue 17: not only published orders may wait for ever). The
/// expiry timer runs here on a store of its own (it scans every community's matched orders) with a clock the given days ahead,
/// while the orders were matched through the API at today's time.
/// </summary>
public sealed class LapseTests
{
    [Fact]
    public async Task An_unanswered_match_goes_back_after_the_days_with_its_month_returned_the_decline_counted_and_the_unit_told()
    {
        await using var local = await SliceApp.StartAsync(new Dictionary<string, string?>());
        var app = local.App;
        var d = await local.DistrictAsync("lapse");
        var unit = await d.OrgAsync(app, "unit", d.StreetId, "沉默服务队", "socialOrganization");
        var liaison = await d.UserAsync(app, "silent-liaison", "liaison", unit);
        await Inbox.SubscribeAsync(app, liaison, "unitTask", times: 3);
        var resource = await d.PublishedResourceAsync(app, 2, "repairs", [d.StreetId], unit, liaison);
        var silent = await d.PublishedOrderAsync(app, "repairs");
        var answered = await d.PublishedOrderAsync(app, "repairs");
        foreach (var order in new[] { silent, answered })
        {
            await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/match", d.CommunityAdmin, new { resourceId = resource }))
                .ExpectAsync(200);
        }
        await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{answered}/agree", liaison, new { })).ExpectAsync(200);
        var matchedAt = (await app.Services.GetRequiredService<OrderStore>().FindAsync(silent))!.Order.Agreement!.At;
        var month = ChinaTime.Month(matchedAt);
        var stored = (await app.Services.GetRequiredService<ResourceStore>().FindAsync(resource))!.Resource;
        var ledger = app.Services.GetRequiredService<CapacityLedger>();
        Assert.Equal(0, await ledger.RemainingAsync(stored, month));

        // A tick short of three days (Orders:AgreeWithinDays) nothing lapses; at three days the silent one does.
        Assert.Equal(0, await LapseAt(app, matchedAt.AddDays(3).AddTicks(-1)));
        var timer = ActivatorUtilities.CreateInstance<OrderExpiryFunction>(app.Services, Lapse(app, matchedAt.AddDays(3)));
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        var after = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{silent}", d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal(("published", null), (after.Str("state"), after["agreement"]?.ToJsonString()));
        var step = after["history"]!.AsArray()[^1]!;
        Assert.Equal(("matched", "published", "system", "单位 3 天内未确认接单，已退回重新匹配"),
            (step.Str("from"), step.Str("to"), step.Str("by"), step.Str("reason")));
        var kept = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{answered}", d.CommunityAdmin)).ExpectAsync(200);
        Assert.Equal("agreed", kept.Str("state"));
        Assert.Equal(1, await ledger.RemainingAsync(stored, month));                     // the silent order's place is free
        Assert.Equal(0, await LapseAt(app, matchedAt.AddDays(30)));                     // nothing left matched

        var records = app.Services.GetRequiredService<UnitRecords>();
        var record = UnitRecord.New;
        await Eventually.WaitAsync(async () => (record = await records.GetAsync(unit)).Declined == 1, TimeSpan.FromSeconds(30));
        Assert.Equal((2, 1, 1), (record.Assigned, record.Failed, record.Declined));
        var told = await Inbox.SettledAsync(app, liaison, silent, "declined");
        Assert.NotNull(told);
        Assert.Contains("单位 3 天内未确认接单", told.Str("summary"));
    }

    private static LapseUnansweredMatches Lapse(AppUnderTest app, DateTimeOffset now) =>
        ActivatorUtilities.CreateInstance<LapseUnansweredMatches>(app.Services, (TimeProvider)new FakeTimeProvider(now));

    private static Task<int> LapseAt(AppUnderTest app, DateTimeOffset now) => Lapse(app, now).HandleAsync(CancellationToken.None);
}
