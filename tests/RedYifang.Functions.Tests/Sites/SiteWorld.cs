namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// A test district (<see cref="TestDistrict"/>: street s with community c and non-public enterprise u, its liaison) grown for the
/// site tests: a neighbour unit n in community c with a liaison, a second community c2 of street s with an admin, and a second
/// street s2 with a unit of its own and its liaison — made once per test class, through the API.
/// </summary>
internal sealed record SiteWorld(TestDistrict D, string NeighbourId, string NeighbourLiaison, string Community2Id, string Community2Admin,
    string Street2Id, string Street2UnitId, string Street2Liaison)
{
    public static Task<SiteWorld> CreateAsync(SliceApp slice, string prefix) => slice.OnceAsync($"sites-world|{prefix}", async () =>
    {
        var app = slice.App;
        var d = await slice.DistrictAsync(prefix);
        var neighbour = await d.OrgAsync(app, "unit", d.CommunityId, "邻里科技有限公司", "nonPublicEnterprise");
        var community2 = await d.OrgAsync(app, "community", d.StreetId, "第二社区");
        var street2 = await d.OrgAsync(app, "street", d.DistrictId, "第二街道");
        var street2Unit = await d.OrgAsync(app, "unit", street2, "二街道物流有限公司", "nonPublicEnterprise");
        return new SiteWorld(d, neighbour, await d.UserAsync(app, "neighbour-liaison", "liaison", neighbour), community2,
            await d.UserAsync(app, "community2-admin", "communityAdmin", community2), street2, street2Unit,
            await d.UserAsync(app, "street2-liaison", "liaison", street2Unit));
    });
}
