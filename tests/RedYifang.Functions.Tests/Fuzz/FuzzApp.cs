using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// The fuzz tier's own slice app (its own Azurite, so a snapshot of the whole account is a snapshot of what the fuzz did):
/// two districts made through the API as the other slices make theirs — "fz", the fuzz's own, and "fo", another
/// district whose ids the fuzz sends with fz's roles — each with resources and orders in several states, an evidence
/// photo, a matching run, activities, sites and a booking. Every id and every signed-in caller the generators draw on is in
/// <see cref="Ids"/>.
/// </summary>
public sealed class FuzzApp : SliceApp
{
    public FuzzIds Ids { get; private set; } = null!;

    /// <summary>The HMAC key the app signs tokens with (test settings make a fresh one per app), for near-miss tokens.</summary>
    public string SigningKey => App.Services.GetRequiredService<IConfiguration>()["Auth:SigningKey"]!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var own = await DistrictAsync("fz");
        var other = await DistrictAsync("fo");
        var (ownOrders, ownResources, evidence, run) = await StockAsync(own, withEvidence: true);
        var (otherOrders, otherResources, _, _) = await StockAsync(other, withEvidence: false);

        var callers = new Dictionary<string, string>
        {
            ["admin"] = own.Admin, ["district"] = own.DistrictAdmin, ["street"] = own.StreetAdmin,
            ["community"] = own.CommunityAdmin, ["liaison"] = own.Liaison, ["resident"] = own.Resident,
            ["stranger"] = own.Stranger, ["other-district"] = other.DistrictAdmin, ["other-liaison"] = other.Liaison,
        };
        var users = new List<string>();
        foreach (var openId in callers.Values.Append(other.Resident))
        {
            users.Add(await TestDistrict.UserIdAsync(App, openId));
            await App.TokenAsync(openId);
        }
        var (ownSites, ownBookings) = await SitesAsync(own);
        var (otherSites, otherBookings) = await SitesAsync(other);
        Ids = new FuzzIds(own, other, callers, users, ownOrders, otherOrders, ownResources, otherResources, evidence, run,
            await ActivitiesAsync(own), await ActivitiesAsync(other), ownSites, otherSites, ownBookings, otherBookings);
    }

    /// <summary>
    /// A shared service station of the street, open every day, with a booking by the unit; a site the unit keeps to itself.
    /// </summary>
    private async Task<(List<string> Sites, List<string> Bookings)> SitesAsync(TestDistrict d)
    {
        var week = new Dictionary<string, string> { ["mon"] = "00:00-23:59", ["tue"] = "00:00-23:59", ["wed"] = "00:00-23:59",
            ["thu"] = "00:00-23:59", ["fri"] = "00:00-23:59", ["sat"] = "00:00-23:59", ["sun"] = "00:00-23:59" };
        async Task<string> Site(string asOpenId, string ownerOrgId, string kind, bool sharedUse) =>
            (await (await App.SendAsync(HttpMethod.Post, "api/v1/sites", asOpenId, new
            {
                ownerOrgId, kind, name = "党群服务站", address = "经开区1号", floorAreaM2 = 120.5m, capacity = 40, openingHours = week, sharedUse,
            })).ExpectAsync(201)).Str("id");
        var station = await Site(d.StreetAdmin, d.StreetId, "serviceStation", true);
        var own = await Site(d.Liaison, d.UnitId, "partyMembersHomeBase", false);
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(2);
        var from = new DateTimeOffset(day.AddHours(10), TimeSpan.FromHours(8));
        var booking = (await (await App.SendAsync(HttpMethod.Post, $"api/v1/sites/{station}/bookings", d.Liaison,
            new { orgId = d.UnitId, from, to = from.AddHours(1) })).ExpectAsync(201)).Str("id");
        return ([station, own], [booking]);
    }

    /// <summary>An activity of the community under way (check-in open) and one that ended yesterday, both scheduled.</summary>
    private async Task<List<string>> ActivitiesAsync(TestDistrict d)
    {
        var ids = new List<string>();
        foreach (var (from, hours) in new[] { (TimeSpan.FromMinutes(-30), 3), (TimeSpan.FromDays(-1), 2) })
        {
            var start = DateTimeOffset.UtcNow.Add(from);
            ids.Add((await (await App.SendAsync(HttpMethod.Post, "api/v1/activities", d.CommunityAdmin, new
            {
                organiserOrgId = d.CommunityId, kind = "volunteerService", title = "志愿服务", startsAt = start, endsAt = start.AddHours(hours),
                capacity = 20,
            })).ExpectAsync(201)).Str("id"));
        }
        return ids;
    }

    /// <summary>A published and a draft resource, orders submitted, published, matched and in progress, a photo, a run.</summary>
    private async Task<(List<string> Orders, List<string> Resources, List<string> Evidence, string Run)> StockAsync(
        TestDistrict d,
        bool withEvidence)
    {
        var published = await d.PublishedResourceAsync(App);
        var draft = (await (await App.SendAsync(HttpMethod.Post, "api/v1/resources", d.Liaison, new
        {
            unitId = d.UnitId, title = "法律咨询", category = "legalAid", description = "每月一次法律咨询", kind = "service",
            areaIds = new[] { d.StreetId }, monthlyCapacity = 2, validFrom = "2026-01-01", validTo = "2030-12-31",
        })).ExpectAsync(201)).Str("id");
        var submitted = (await d.SubmitOrderAsync(App)).Str("id");
        var open = await d.PublishedOrderAsync(App);
        var matched = await d.PublishedOrderAsync(App);
        await (await App.SendAsync(HttpMethod.Post, $"api/v1/orders/{matched}/match", d.CommunityAdmin, new { resourceId = published }))
            .ExpectAsync(200);
        var started = await d.PublishedOrderAsync(App);
        await (await App.SendAsync(HttpMethod.Post, $"api/v1/orders/{started}/match", d.CommunityAdmin, new { resourceId = published }))
            .ExpectAsync(200);
        await (await App.SendAsync(HttpMethod.Post, $"api/v1/orders/{started}/agree", d.Liaison)).ExpectAsync(200);
        await (await App.SendAsync(HttpMethod.Post, $"api/v1/orders/{started}/start", d.Liaison)).ExpectAsync(200);
        var evidence = new List<string>();
        if (withEvidence) evidence.Add((await App.UploadAsync(d.Liaison, "order", started, Photos.Jpeg(1401))).Str("id"));
        JsonObject run = await (await App.SendAsync(HttpMethod.Post, "api/v1/matching/runs", d.CommunityAdmin,
            new { scopeOrgId = d.CommunityId })).ExpectAsync(202);
        return ([submitted, open, matched, started], [published, draft], evidence, run.Str("id"));
    }
}

/// <summary>The ids and callers the fuzz draws on: the fuzz's own district first, the other district's to cross the line.</summary>
public sealed record FuzzIds(
    TestDistrict Own,
    TestDistrict Other,
    IReadOnlyDictionary<string, string> Callers,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> OwnOrders,
    IReadOnlyList<string> OtherOrders,
    IReadOnlyList<string> OwnResources,
    IReadOnlyList<string> OtherResources,
    IReadOnlyList<string> Evidence,
    string Run,
    IReadOnlyList<string> OwnActivities,
    IReadOnlyList<string> OtherActivities,
    IReadOnlyList<string> OwnSites,
    IReadOnlyList<string> OtherSites,
    IReadOnlyList<string> OwnBookings,
    IReadOnlyList<string> OtherBookings)
{
    public IReadOnlyList<string> OwnOrgs => [Own.DistrictId, Own.StreetId, Own.CommunityId, Own.GridId, Own.UnitId];

    public IReadOnlyList<string> OtherOrgs => [Other.DistrictId, Other.StreetId, Other.CommunityId, Other.GridId, Other.UnitId];
}

[CollectionDefinition(Name)]
public sealed class FuzzSlice : ICollectionFixture<FuzzApp>
{
    public const string Name = "fuzz";
}
