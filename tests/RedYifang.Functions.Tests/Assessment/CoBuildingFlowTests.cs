using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Activities;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Tests.Activities;
using RedYifang.Functions.Tests.Agreements;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// Co-building in the assessment, end to end in a district of its own: unit A has an agreement with the street (40 medical
/// services over a year from the first day of last month) and delivers twice this month — an accepted order with a verified
/// photo and a closed activity with one; unit B only holds a closed activity; unit C and the district's own unit do nothing.
/// Assessment hears of it all through events (agreement activated, delivery recorded, activity closed), and this month's
/// ranking, breakdown and statistics show it; last month's ranking, final before the agreement existed, does not change.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class CoBuildingFlowTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private FactStore Facts => _app.Services.GetRequiredService<FactStore>();

    private AssessmentRuns Runs => _app.Services.GetRequiredService<AssessmentRuns>();

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> Act(string order, string action, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", asOpenId, body ?? new { });

    private async Task AcceptedOrderAsync(TestDistrict d, string resource, string liaison)
    {
        var order = await d.PublishedOrderAsync(_app, "medical");
        await (await Act(order, "match", d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "agree", liaison)).ExpectAsync(200);
        await (await Act(order, "start", liaison)).ExpectAsync(200);
        var photo = await _app.UploadAsync(liaison, "order", order, Photos.Jpeg(3101));
        await (await Act(order, "complete", liaison, new { evidenceIds = new[] { photo.Str("id") }, serviceHours = 2, beneficiaries = 5 }))
            .ExpectAsync(200);
        Assert.Equal("accepted", (await (await Act(order, "accept", d.CommunityAdmin)).ExpectAsync(200)).Str("state"));
    }

    /// <summary>
    /// An activity of the organiser on the first day of this month, 10:00–11:00 in China, closed a minute after it ends by
    /// a street admin (on a clock standing then: the real one may not have reached it), once its verified photo is noted.
    /// </summary>
    private async Task<string> ClosedActivityAsync(TestDistrict d, string organiser, DateOnly monthStart, int seed,
        (string Agreement, int Index)? delivers = null)
    {
        var p = new ActivityParties(_app);
        var startsAt = ChinaTime.At(monthStart.ToDateTime(TimeOnly.MinValue), new TimeOnly(10, 0));
        var body = ActivityParties.Body(organiser, TimeSpan.Zero, TimeSpan.FromHours(1));
        (body["startsAt"], body["endsAt"]) = (startsAt, startsAt.AddHours(1));
        if (delivers is { } link) (body["agreementId"], body["commitmentIndex"]) = (link.Agreement, link.Index);
        var id = await p.CreatedAsync(d.StreetAdmin, body);
        Assert.Equal("verified", (await _app.UploadAsync(d.StreetAdmin, "activity", id, Photos.Jpeg(seed))).Str("state"));
        var admin = new Caller(await TestDistrict.UserIdAsync(_app, d.StreetAdmin), [new RoleGrant(Role.StreetAdmin, d.StreetId)]);
        var close = p.At<CloseActivity>(startsAt.AddHours(1).AddMinutes(1));
        await Eventually.WaitAsync(async () =>
        {
            try
            {
                return (await close.HandleAsync(admin, id, CancellationToken.None)).State == ActivityState.Closed;
            }
            catch (RedYifang.Functions.Platform.Problems.DomainException e) when (e.Code == "evidence_not_verified")
            {
                return false;   // the photo's verification has not reached Activities yet
            }
        }, TimeSpan.FromSeconds(30));
        return id;
    }

    private async Task<List<Fact>> FactsOfAsync(Period period, string district, string org, int atLeast)
    {
        List<Fact> facts = [];
        await Eventually.WaitAsync(async () =>
        {
            facts = await Facts.FactsAsync(period, district, org);
            return facts.Count >= atLeast;
        }, TimeSpan.FromSeconds(30));
        return facts;
    }

    [Fact]
    public async Task Deliveries_by_order_and_activity_give_the_units_fulfilment_participation_and_eligibility_and_link_it()
    {
        var d = await slice.DistrictAsync("cobuild");
        var parties = new AgreementParties(_app, d);
        var today = ChinaTime.Today(DateTimeOffset.UtcNow);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var month = P(ChinaTime.Month(DateTimeOffset.UtcNow));
        var lastMonth = P(monthStart.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var (unitA, liaisonA, liaisonAId) = await parties.UnitAsync("共建单位甲");
        var (unitB, _, _) = await parties.UnitAsync("共建单位乙");
        var (unitC, _, _) = await parties.UnitAsync("共建单位丙");

        // Last month's ranking is final before anything of this test exists. A ranking becomes final once its period's evaluation
        // window has closed (the 16th of this month in China), which the real clock may not have reached: its runs stand past that.
        var lastMonthRuns = ActivatorUtilities.CreateInstance<AssessmentRuns>(_app.Services,
            new FakeTimeProvider(lastMonth.End.AddDays(16)));
        await lastMonthRuns.RunAsync(d.DistrictId, lastMonth, CancellationToken.None);
        var lastMonthUrl = $"api/v1/rankings/{lastMonth.Text}?districtId={d.DistrictId}&peerGroup=nonPublicEnterprise";
        var frozen = await (await _app.Http.GetAsync(lastMonthUrl)).Content.ReadAsStringAsync();
        Assert.True(JsonNode.Parse(frozen)!["final"]!.GetValue<bool>());

        var (termFrom, termTo) = (monthStart.AddMonths(-1), monthStart.AddMonths(-1).AddYears(1).AddDays(-1));
        var agreement = await parties.ActiveAsync(AgreementParties.Body(d.StreetId, unitA, liaisonAId, Day(termFrom), Day(termTo),
            [new { category = "medical", kind = "service", target = 40 }, new { category = "medical", kind = "funds", amount = "800.00" }]),
            liaisonA);
        var resource = await d.PublishedResourceAsync(_app, category: "medical", unitId: unitA, asOpenId: liaisonA);
        await AcceptedOrderAsync(d, resource, liaisonA);
        var activityA = await ClosedActivityAsync(d, unitA, monthStart, 3102, (agreement, 0));
        var activityB = await ClosedActivityAsync(d, unitB, monthStart, 3103);

        // Unit A: the agreement in force this month, two deliveries (the order's and the activity's), its activity closed.
        var factsA = await FactsOfAsync(month, d.DistrictId, unitA, 6);
        Assert.Equal(
            [
                FactKind.Matched, FactKind.Accepted, FactKind.AgreementInForce, FactKind.Delivered, FactKind.Delivered,
                FactKind.ActivityClosed,
            ],
            factsA.Select(f => f.Kind).Order());
        Assert.Equal(activityA, factsA.Single(f => f.Kind == FactKind.ActivityClosed).ActivityId);
        Assert.Equal(activityB, Assert.Single(await FactsOfAsync(month, d.DistrictId, unitB, 1)).ActivityId);
        var first = Assert.Single(await FactsOfAsync(lastMonth, d.DistrictId, unitA, 1));
        Assert.Equal((FactKind.AgreementInForce, termFrom), (first.Kind, first.Agreement!.First));

        // Last month stays as it was frozen, though the agreement's first month is in it now.
        await lastMonthRuns.RunAsync(d.DistrictId, lastMonth, CancellationToken.None);
        Assert.Equal(frozen, await (await _app.Http.GetAsync(lastMonthUrl)).Content.ReadAsStringAsync());

        await Runs.RunAsync(d.DistrictId, month, CancellationToken.None);
        var url = $"api/v1/rankings/{month.Text}?districtId={d.DistrictId}&peerGroup=nonPublicEnterprise";
        var ranking = await (await _app.Http.GetAsync(url)).ExpectAsync(200);
        var items = ranking["items"]!.AsArray().ToDictionary(i => i.Str("orgId"), i => i!);
        Assert.Equal((true, true, false, false), (items[unitA]["eligible"]!.GetValue<bool>(), items[unitB]["eligible"]!.GetValue<bool>(),
            items[unitC]["eligible"]!.GetValue<bool>(), items[d.UnitId]["eligible"]!.GetValue<bool>()));

        // Due this month: 40 × (days of the month) ÷ (days of the term); two delivered.
        var termDays = termTo.DayNumber - termFrom.DayNumber + 1;
        var due = 40.0 * DateTime.DaysInMonth(today.Year, today.Month) / termDays;
        var breakdown = await (await _app.Http.GetAsync($"api/v1/rankings/{month.Text}/orgs/{unitA}")).ExpectAsync(200);
        var indicators = breakdown["item"]!["indicators"]!.AsArray().ToDictionary(i => i.Str("indicator"), i => i!);
        Assert.Equal((Math.Round(2 / due, 6), (string?)null), (indicators["commitmentFulfilment"]["raw"]!.GetValue<double>(),
            indicators["commitmentFulfilment"]["note"]?.GetValue<string>()));
        Assert.Equal((1.0, (string?)null), (indicators["activityParticipation"]["raw"]!.GetValue<double>(),
            indicators["activityParticipation"]["note"]?.GetValue<string>()));
        // Unit B committed to nothing: no data for fulfilment (the group's worst), one activity.
        var b = (await (await _app.Http.GetAsync($"api/v1/rankings/{month.Text}/orgs/{unitB}")).ExpectAsync(200))["item"]!["indicators"]!
            .AsArray().ToDictionary(i => i.Str("indicator"), i => i!);
        Assert.Equal((RankingMath.NoData, 1.0), (b["commitmentFulfilment"]["note"]!.GetValue<string>(),
            b["activityParticipation"]["raw"]!.GetValue<double>()));

        var stats = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={d.DistrictId}&period={month.Text}",
            d.DistrictAdmin)).ExpectAsync(200);
        Assert.Equal((4, 1), (stats["registeredUnits"]!.GetValue<int>(), stats["linkedUnits"]!.GetValue<int>()));
        var nextYear = P($"{termTo.Year + 1}");
        var later = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={d.DistrictId}&period={nextYear.Text}",
            d.DistrictAdmin)).ExpectAsync(200);
        Assert.Equal((4, 0), (later["registeredUnits"]!.GetValue<int>(), later["linkedUnits"]!.GetValue<int>()));
    }
}
