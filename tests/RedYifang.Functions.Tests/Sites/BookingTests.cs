using System.Net;

namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// Booking sites over HTTP (阵地联用): inside one day's opening window, never overlapping an active booking — however many ask
/// at once — a site that is not shared for its owner only, a shared one for the organisations of its street; cancelled by the
/// booker, which frees the time.
/// </summary>
[Collection(Slices.Sites)]
public sealed class BookingTests(SitesApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private SiteWorld _w = null!;
    private SiteParties _p = null!;

    private TestDistrict D => _w.D;

    public async Task InitializeAsync()
    {
        _w = await SiteWorld.CreateAsync(slice, "bookings");
        _p = new SiteParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> SharedSiteAsync(object? hours = null) =>
        _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "serviceStation", sharedUse: true, openingHours: hours));

    [Fact]
    public async Task A_booking_inside_the_opening_hours_is_made_an_overlapping_one_is_409_and_back_to_back_is_fine()
    {
        var site = await SharedSiteAsync();
        var day = SiteParties.Day(3);

        var made = await (await _p.BookAsync(site, D.Liaison, D.UnitId, day.AddHours(9), day.AddHours(11))).ExpectAsync(201);
        Assert.Equal((site, D.UnitId, "active", day.AddHours(9)), (made.Str("siteId"), made.Str("orgId"), made.Str("state"),
            made["from"]!.GetValue<DateTimeOffset>()));
        var clash = await (await _p.BookAsync(site, _w.NeighbourLiaison, _w.NeighbourId, day.AddHours(10), day.AddHours(12)))
            .ExpectProblemAsync(409, "booking_conflict");
        Assert.Contains("09:00", clash.Str("detail"));
        await (await _p.BookAsync(site, _w.NeighbourLiaison, _w.NeighbourId, day.AddHours(8), day.AddHours(13)))
            .ExpectProblemAsync(409, "booking_conflict");
        await (await _p.BookAsync(site, _w.NeighbourLiaison, _w.NeighbourId, day.AddHours(11), day.AddHours(12))).ExpectAsync(201);
        await (await _p.BookAsync(site, D.CommunityAdmin, D.CommunityId, day.AddHours(8), day.AddHours(9))).ExpectAsync(201);
        // The same hours another day are another day's.
        await (await _p.BookAsync(site, D.Liaison, D.UnitId, day.AddDays(1).AddHours(9), day.AddDays(1).AddHours(11))).ExpectAsync(201);

        var listed = await _p.BookingsAsync(site, D.Liaison, $"&from={Q(day)}&to={Q(day.AddDays(1))}");
        Assert.Equal([day.AddHours(8), day.AddHours(9), day.AddHours(11)], listed.Select(b => b!["from"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(4, (await _p.BookingsAsync(site, _w.NeighbourLiaison)).Count);
    }

    [Fact]
    public async Task A_time_outside_one_days_opening_window_is_422_and_malformed_times_400()
    {
        var monday = NextMonday();
        var site = await SharedSiteAsync(new Dictionary<string, string> { ["mon"] = "08:00-12:00", ["tue"] = "00:00-23:59" });

        async Task Outside(DateTimeOffset from, DateTimeOffset to) =>
            await (await _p.BookAsync(site, D.Liaison, D.UnitId, from, to)).ExpectProblemAsync(422, "outside_opening_hours");
        await Outside(monday.AddHours(7.5), monday.AddHours(9));                        // before opening
        await Outside(monday.AddHours(11), monday.AddHours(12.25));                     // after closing
        await Outside(monday.AddHours(23), monday.AddHours(25));                        // past midnight into an open Tuesday
        await Outside(monday.AddDays(2).AddHours(9), monday.AddDays(2).AddHours(10));   // Wednesday: closed
        await (await _p.BookAsync(site, D.Liaison, D.UnitId, monday.AddHours(8), monday.AddHours(12))).ExpectAsync(201);
        // The same Monday morning written in UTC: 00:00–04:00Z is 08:00–12:00 in China, taken now.
        await (await _p.BookAsync(site, D.Liaison, D.UnitId, monday.AddHours(8).ToUniversalTime(), monday.AddHours(12).ToUniversalTime()))
            .ExpectProblemAsync(409, "booking_conflict");

        var noOffset = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/sites/{site}/bookings", D.Liaison,
            new { orgId = D.UnitId, from = "2030-01-07T09:00:00", to = "2030-01-07T10:00:00+08:00" }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["from"], noOffset.Errors().Keys);
        var backwards = await (await _p.BookAsync(site, D.Liaison, D.UnitId, monday.AddHours(10), monday.AddHours(9)))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["to"], backwards.Errors().Keys);
        var past = await (await _p.BookAsync(site, D.Liaison, D.UnitId, SiteParties.Day(-7).AddHours(9), SiteParties.Day(-7).AddHours(10)))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["from"], past.Errors().Keys);
        Assert.Single(await _p.BookingsAsync(site, D.Liaison));
    }

    [Fact]
    public async Task A_site_not_shared_is_booked_by_its_owner_only()
    {
        var site = await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "enterprisePartyBase"));
        var day = SiteParties.Day(4);

        await (await _p.BookAsync(site, D.Liaison, D.UnitId, day.AddHours(9), day.AddHours(10))).ExpectAsync(201);
        // The street's admin sees the site (it is over its owner) but books it for the community: refused.
        await (await _p.BookAsync(site, D.StreetAdmin, D.CommunityId, day.AddHours(14), day.AddHours(15)))
            .ExpectProblemAsync(403, "site_not_shared");
        // Who does not see it is told nothing of it.
        await (await _p.BookAsync(site, _w.NeighbourLiaison, _w.NeighbourId, day.AddHours(14), day.AddHours(15)))
            .ExpectProblemAsync(404, "not_found");
        Assert.Single(await _p.BookingsAsync(site, D.StreetAdmin));
    }

    [Fact]
    public async Task A_shared_site_is_booked_by_the_organisations_of_its_street_for_whom_the_caller_acts()
    {
        var site = await SharedSiteAsync();
        var day = SiteParties.Day(5);

        await (await _p.BookAsync(site, _w.Community2Admin, _w.Community2Id, day.AddHours(9), day.AddHours(10))).ExpectAsync(201);
        await (await _p.BookAsync(site, D.StreetAdmin, D.StreetId, day.AddHours(10), day.AddHours(11))).ExpectAsync(201);
        // The district's admin sees it, but an organisation of another street may not book it.
        await (await _p.BookAsync(site, D.DistrictAdmin, _w.Street2UnitId, day.AddHours(12), day.AddHours(13)))
            .ExpectProblemAsync(403, "site_other_street");
        // The neighbour's liaison sees it, but does not act for the unit that keeps it.
        await (await _p.BookAsync(site, _w.NeighbourLiaison, D.UnitId, day.AddHours(12), day.AddHours(13)))
            .ExpectProblemAsync(403, "forbidden");
        await (await _p.BookAsync(site, _w.Street2Liaison, _w.Street2UnitId, day.AddHours(12), day.AddHours(13)))
            .ExpectProblemAsync(404, "not_found");
        Assert.Equal(2, (await _p.BookingsAsync(site, D.Liaison)).Count);
    }

    [Fact]
    public async Task The_booker_cancels_which_frees_the_time_and_a_cancelled_booking_stays_cancelled()
    {
        var site = await SharedSiteAsync();
        var day = SiteParties.Day(6);
        var id = (await (await _p.BookAsync(site, _w.NeighbourLiaison, _w.NeighbourId, day.AddHours(9), day.AddHours(10)))
            .ExpectAsync(201)).Str("id");

        // The site's own liaison sees the booking but did not make it.
        await (await _p.CancelAsync(site, id, D.Liaison)).ExpectProblemAsync(403, "forbidden");
        await (await _p.CancelAsync(site, "bkg_0000000000zzzzzzzzzzzzzzzz", _w.NeighbourLiaison)).ExpectProblemAsync(404, "not_found");
        var cancelled = await (await _p.CancelAsync(site, id, D.CommunityAdmin)).ExpectAsync(200);  // an admin over the neighbour
        Assert.Equal(("cancelled", await TestDistrict.UserIdAsync(_app, D.CommunityAdmin)),
            (cancelled.Str("state"), cancelled.Str("cancelledBy")));
        await (await _p.CancelAsync(site, id, _w.NeighbourLiaison)).ExpectProblemAsync(409, "invalid_transition");

        await (await _p.BookAsync(site, D.Liaison, D.UnitId, day.AddHours(9), day.AddHours(10))).ExpectAsync(201);
        Assert.Equal(["cancelled", "active"], (await _p.BookingsAsync(site, D.Liaison)).Select(b => b.Str("state")));
    }

    [Fact]
    public async Task A_booking_for_an_activity_names_one_the_organisation_holds()
    {
        var site = await SharedSiteAsync();
        var day = SiteParties.Day(7);
        var theirs = await ActivityAsync(D.CommunityAdmin, D.CommunityId, day.AddHours(14));

        await (await _p.BookAsync(site, D.Liaison, D.UnitId, day.AddHours(14), day.AddHours(16), theirs))
            .ExpectProblemAsync(422, "invalid_reference");
        var made = await (await _p.BookAsync(site, D.CommunityAdmin, D.CommunityId, day.AddHours(14), day.AddHours(16), theirs))
            .ExpectAsync(201);
        Assert.Equal(theirs, made.Str("activityId"));
    }

    [Fact]
    public async Task Of_twenty_overlapping_bookings_at_once_all_having_read_the_day_exactly_one_is_made_and_nineteen_are_409()
    {
        var site = await SharedSiteAsync();
        var day = SiteParties.Day(8);
        var bookers = new[] { (D.Liaison, D.UnitId), (_w.NeighbourLiaison, _w.NeighbourId), (D.CommunityAdmin, D.CommunityId),
            (_w.Community2Admin, _w.Community2Id) };

        // Every request reads the day's lock row before any of them writes (the worst interleaving, every time).
        slice.Barrier.Arm(r => r.Method == Azure.Core.RequestMethod.Get
            && Uri.UnescapeDataString(r.Uri.ToString()).Contains($"'day|{site}|", StringComparison.Ordinal), 20);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var (who, org) = bookers[i % bookers.Length];
            // Every one overlaps every other: each starts before 10:00 and ends after it.
            return _p.BookAsync(site, who, org, day.AddHours(9).AddMinutes(i), day.AddHours(10).AddMinutes(i + 1));
        }));

        var held = slice.Barrier.Held;
        slice.Barrier.Disarm();
        Assert.Equal(20, held);
        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == 201));
        Assert.Equal(19, statuses.Count(s => s == 409));
        foreach (var lost in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await lost.ExpectProblemAsync(409, "booking_conflict");
        }
        var kept = Assert.Single(await _p.BookingsAsync(site, D.StreetAdmin));
        Assert.Equal((await answers.Single(a => a.StatusCode == HttpStatusCode.Created).ExpectAsync(201)).Str("id"), kept.Str("id"));
    }

    private async Task<string> ActivityAsync(string asOpenId, string organiserOrgId, DateTimeOffset startsAt) =>
        (await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", asOpenId, new
        {
            organiserOrgId, kind = "themePartyDay", title = "主题党日", startsAt, endsAt = startsAt.AddHours(2),
        })).ExpectAsync(201)).Str("id");

    private static DateTimeOffset NextMonday()
    {
        var day = SiteParties.Day(2);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
