namespace RedYifang.Functions.Tests.Organisations;

/// <summary>Every role × every organisation route, inside and outside the role's scope.</summary>
[Collection("app")]
public sealed class OrgPermissionMatrixTests(AppFixture fixture) : IAsyncLifetime
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Inside = "org_demo-s1-c1";   // dev-community's community, in dev-street's street
    private const string Outside = "org_demo-s2-c1";  // another street's community
    private const string PartyMember = "matrix-party-member";
    private const string Target = "matrix-target";
    private static string? _targetUserId;

    public static readonly string?[] Actors =
        [null, "dev-resident", PartyMember, "dev-liaison", "dev-community", "dev-street", AppUnderTest.BootstrapAdmin];

    public static readonly string[] Routes = ["create", "get", "list", "grant", "revoke"];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var actor in Actors)
        foreach (var route in Routes)
        foreach (var inside in new[] { true, false })
        {
            data.Add(actor ?? "anonymous", route, inside);
        }
        return data;
    }

    public async Task InitializeAsync()
    {
        if (_targetUserId is not null) return;
        var pmUser = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = PartyMember })).ExpectAsync(200))["user"].Str("id");
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{Inside}/roles/{pmUser}", AppUnderTest.BootstrapAdmin, new { role = "partyMember" })).ExpectAsync(200);
        _targetUserId = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: new { openId = Target })).ExpectAsync(200))["user"].Str("id");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_exactly_its_scope(string actorName, string route, bool inside)
    {
        var actor = actorName == "anonymous" ? null : actorName;
        var org = inside ? Inside : Outside;
        var isAdminHere = actor == AppUnderTest.BootstrapAdmin || (inside && actor is "dev-community" or "dev-street");

        var (response, allowedStatus) = route switch
        {
            "create" => (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", actor, new { kind = "grid", parentId = org, name = "矩阵" + Guid.NewGuid() }), 201),
            "get" => (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{org}", actor), 200),
            "list" => (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={org}", actor), 200),
            "grant" => (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{org}/roles/{_targetUserId}", actor, new { role = "partyMember" }), 200),
            _ => (await _app.SendAsync(HttpMethod.Delete, $"api/v1/orgs/{org}/roles/{_targetUserId}?role=partyMember", actor), 204),
        };

        var readsAreOpen = route is "get" or "list";
        var expected = actor is null ? 401 : readsAreOpen || isAdminHere ? allowedStatus : 403;
        await response.ExpectAsync(expected);
    }
}
