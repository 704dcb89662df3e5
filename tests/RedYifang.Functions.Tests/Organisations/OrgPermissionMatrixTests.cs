namespace RedYifang.Functions.Tests.Organisations;

/// <summary>
/// Every role × every organisation route, inside and outside the role's scope, in this class's own district: "inside" is its
/// community (in its street), "outside" a community of a second street.
/// </summary>
[Collection(Slices.Organisations)]
public sealed class OrgPermissionMatrixTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private Scene _scene = null!;

    private sealed record Scene(TestDistrict District, string Outside, string PartyMember, string TargetUserId);

    public static readonly string[] Actors =
        ["anonymous", "resident", "partyMember", "liaison", "communityAdmin", "streetAdmin", "districtAdmin", "bootstrapAdmin"];

    public static readonly string[] Routes = ["create", "get", "list", "grant", "revoke"];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var actor in Actors)
        foreach (var route in Routes)
        foreach (var inside in new[] { true, false })
        {
            data.Add(actor, route, inside);
        }
        return data;
    }

    public async Task InitializeAsync() => _scene = await slice.OnceAsync("matrix", async () =>
    {
        var d = await slice.DistrictAsync("matrix");
        var outside = await d.OrgAsync(_app, "community", await d.OrgAsync(_app, "street", d.DistrictId, "另一街道"), "另一社区");
        var partyMember = await d.UserAsync(_app, "party-member", "partyMember", d.CommunityId);
        var target = await TestDistrict.UserIdAsync(_app, await d.UserAsync(_app, "target"));
        return new Scene(d, outside, partyMember, target);
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_exactly_its_scope(string actorName, string route, bool inside)
    {
        var d = _scene.District;
        var actor = actorName switch
        {
            "anonymous" => null,
            "resident" => d.Resident,
            "partyMember" => _scene.PartyMember,
            "liaison" => d.Liaison,
            "communityAdmin" => d.CommunityAdmin,
            "streetAdmin" => d.StreetAdmin,
            "districtAdmin" => d.DistrictAdmin,
            _ => AppUnderTest.BootstrapAdmin,
        };
        var org = inside ? d.CommunityId : _scene.Outside;
        var isAdminHere = actorName is "bootstrapAdmin" or "districtAdmin" || (inside && actorName is "communityAdmin" or "streetAdmin");

        var (response, allowedStatus) = route switch
        {
            "create" => (await _app.SendAsync(
                HttpMethod.Post,
                "api/v1/orgs",
                actor,
                new { kind = "grid", parentId = org, name = "矩阵" + Guid.NewGuid() }), 201),
            "get" => (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{org}", actor), 200),
            "list" => (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={org}", actor), 200),
            "grant" => (await _app.SendAsync(
                HttpMethod.Put,
                $"api/v1/orgs/{org}/roles/{_scene.TargetUserId}",
                actor,
                new { role = "partyMember" }), 200),
            _ => (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/{org}/roles/{_scene.TargetUserId}?role=partyMember", actor), 204),
        };

        var readsAreOpen = route is "get" or "list";
        if (actor is null) await response.ExpectProblemAsync(401, "unauthenticated");
        else if (readsAreOpen || isAdminHere) await response.ExpectAsync(allowedStatus);
        else await response.ExpectProblemAsync(403, "forbidden");
    }
}
