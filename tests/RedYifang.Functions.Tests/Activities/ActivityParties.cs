using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Tests.Activities;

/// <summary>
/// What the activity slice tests share: a body for <c>POST /v1/activities</c> relative to now (the slice app runs on the real
/// clock, so activities are placed minutes or hours from now, never near a window's edge), the routes, and the use cases
/// built on a fake clock for what the real clock cannot reach (a code from minutes ago, a check-in during an activity that
/// has ended).
/// </summary>
internal sealed class ActivityParties(AppUnderTest app)
{
    public static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>A body: a free clinic of the organiser starting <paramref name="startsIn"/> from now, lasting <paramref name="length"/>.</summary>
    public static Dictionary<string, object?> Body(string organiserOrgId, TimeSpan startsIn, TimeSpan length, int? capacity = null,
        string kind = "freeClinic")
    {
        // Whole seconds: instants read back from table rows and messages compare equal to the ones sent.
        var start = DateTimeOffset.FromUnixTimeSeconds(Now.Add(startsIn).ToUnixTimeSeconds()).ToOffset(TimeSpan.FromHours(8));
        return new Dictionary<string, object?>
        {
            ["organiserOrgId"] = organiserOrgId, ["kind"] = kind, ["title"] = "社区义诊", ["startsAt"] = start, ["endsAt"] = start.Add(length),
            ["capacity"] = capacity,
        };
    }

    public async Task<JsonObject> CreateAsync(string asOpenId, object body) =>
        await (await app.SendAsync(HttpMethod.Post, "api/v1/activities", asOpenId, body)).ExpectAsync(201);

    public async Task<string> CreatedAsync(string asOpenId, object body) => (await CreateAsync(asOpenId, body)).Str("id");

    public Task<HttpResponseMessage> GetAsync(string id, string asOpenId) =>
        app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}", asOpenId);

    public async Task<string> CodeAsync(string id, string asOpenId) =>
        (await (await app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/checkin-code", asOpenId)).ExpectAsync(200)).Str("code");

    public Task<HttpResponseMessage> CheckInAsync(string id, string asOpenId, string code) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/activities/{id}/checkins", asOpenId, new { code });

    public Task<HttpResponseMessage> CheckOutAsync(string id, string asOpenId, string code) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/activities/{id}/checkouts", asOpenId, new { code });

    public Task<HttpResponseMessage> PostAsync(string id, string action, string asOpenId, object? body = null) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/activities/{id}/{action}", asOpenId, body);

    public async Task<List<JsonNode>> AttendanceAsync(string id, string asOpenId) =>
        [.. (await (await app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/attendance?limit=100", asOpenId)).ExpectAsync(200))
            ["items"]!
            .AsArray().Select(n => n!)];

    public async Task<List<string>> ListAsync(string orgId, string asOpenId, string query = "") =>
        (await (await app.SendAsync(HttpMethod.Get, $"api/v1/activities?orgId={orgId}{query}&limit=100", asOpenId)).ExpectAsync(200))
            .Ids();

    /// <summary>A use case of the app's, on a clock standing at <paramref name="now"/> (the store and everything else the app's own).</summary>
    public T At<T>(DateTimeOffset now) where T : notnull
    {
        var clock = new FakeTimeProvider(now);
        var changes = ActivatorUtilities.CreateInstance<ActivityChanges>(app.Services, clock);
        return ActivatorUtilities.CreateInstance<T>(app.Services, changes);
    }

    /// <summary>Checks a user in as the API would at <paramref name="at"/>, with the code of that moment (shown by an admin then).</summary>
    public async Task CheckInAtAsync(string id, string userId, DateTimeOffset at, Caller admin)
    {
        var code = (await At<GetCheckinCode>(at).HandleAsync(admin, id, CancellationToken.None)).Code;
        await At<CheckIn>(at).HandleAsync(new Caller(userId, []), id, new CheckIn.Request(code), CancellationToken.None);
    }

    /// <summary>A caller holding one admin role at an organisation, as the use cases see signed-in admins.</summary>
    public static Caller Admin(string userId, string orgId) => new(userId, [new RoleGrant(Role.CommunityAdmin, orgId)]);
}
