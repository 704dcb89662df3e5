using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>Who sees and manages a site, which organisations it takes bookings from, and what Assessment hears of it.</summary>
public sealed class SitePolicyTests
{
    private static Caller As(Role role, params string[] path) => new("usr_x", [new RoleGrant(role, path[^1], path)]);

    private static readonly Caller UnitLiaison = As(Role.Liaison, [.. Sample.UnitPath]);
    private static readonly Caller CommunityAdmin = As(Role.CommunityAdmin, "org_d", "org_s", "org_c");
    private static readonly Caller StreetAdmin = As(Role.StreetAdmin, "org_d", "org_s");
    private static readonly Caller DistrictAdmin = As(Role.DistrictAdmin, "org_d");
    private static readonly Caller OtherCommunityAdmin = As(Role.CommunityAdmin, "org_d", "org_s", "org_c2");
    private static readonly Caller OtherUnitLiaison = As(Role.Liaison, "org_d", "org_s", "org_u2");
    private static readonly Caller OtherStreetAdmin = As(Role.StreetAdmin, "org_d", "org_s2");
    private static readonly Caller OtherStreetLiaison = As(Role.Liaison, "org_d", "org_s2", "org_u3");
    private static readonly Caller Resident = As(Role.Resident, "org_d", "org_s", "org_c");

    [Fact]
    public void A_site_not_shared_is_seen_and_managed_by_whoever_acts_for_its_owner_only()
    {
        var site = Sample.Site(shared: false);

        Assert.Equal([true, true, true, true, false, false, false, false, false],
            new[] { UnitLiaison, CommunityAdmin, StreetAdmin, DistrictAdmin, OtherCommunityAdmin, OtherUnitLiaison, OtherStreetAdmin,
                OtherStreetLiaison, Resident }.Select(c => SitePolicy.MayRead(c, site)));
        Assert.True(SitePolicy.MayManage(CommunityAdmin, site));
        Assert.False(SitePolicy.MayManage(OtherCommunityAdmin, site));
    }

    [Fact]
    public void A_shared_site_is_seen_by_the_organisations_of_its_street_and_managed_still_by_its_owners_only()
    {
        var site = Sample.Site(shared: true);

        Assert.Equal([true, true, true, true, true, true, false, false, false],
            new[] { UnitLiaison, CommunityAdmin, StreetAdmin, DistrictAdmin, OtherCommunityAdmin, OtherUnitLiaison, OtherStreetAdmin,
                OtherStreetLiaison, Resident }.Select(c => SitePolicy.MayRead(c, site)));
        Assert.False(SitePolicy.MayManage(OtherUnitLiaison, site));
    }

    [Fact]
    public void A_site_not_shared_takes_bookings_from_its_owner_only_a_shared_one_from_its_streets_organisations()
    {
        string[] owner = [.. Sample.UnitPath], neighbour = ["org_d", "org_s", "org_u2"], street = ["org_d", "org_s"],
            community = ["org_d", "org_s", "org_c"], elsewhere = ["org_d", "org_s2", "org_u3"], district = ["org_d"];

        Assert.Equal([true, false, false, false, false, false],
            new[] { owner, neighbour, street, community, elsewhere, district }.Select(p => SitePolicy.TakesBookingsFrom(Sample.Site(), p)));
        Assert.Equal([true, true, true, true, false, false],
            new[] { owner, neighbour, street, community, elsewhere, district }
                .Select(p => SitePolicy.TakesBookingsFrom(Sample.Site(shared: true), p)));
    }

    [Fact]
    public void Assessment_hears_of_service_stations_registered_and_of_nothing_else()
    {
        var translator = new StationTranslator();
        var station = Sample.Site() with { Kind = SiteKind.ServiceStation, CreatedAt = DateTimeOffset.UnixEpoch.AddDays(1) };

        var message = Assert.Single(translator.Translate(new SiteEvent.Registered(station)));
        Assert.Equal(StationRegistered.Queue, message.Queue);
        var body = Assert.IsType<StationRegistered>(message.Body);
        Assert.Equal(("site_d-1", "org_d", DateTimeOffset.UnixEpoch.AddDays(1)), (body.SiteId, body.DistrictId, body.At));
        Assert.Equal(Sample.UnitPath, body.OwnerPath);
        Assert.Empty(translator.Translate(new SiteEvent.Registered(Sample.Site())));
        Assert.Empty(translator.Translate(new SiteEvent.Changed(station with { Version = 2 }, station)));
    }
}
