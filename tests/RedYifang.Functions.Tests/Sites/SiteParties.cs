using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// What the site slice tests share: a body for <c>POST /v1/sites</c>, the routes, and times for bookings. The app runs on the real
/// clock and bookings start after now, so they are placed on days ahead (China Standard Time) at fixed hours of sites open all
/// day, never near a window's edge by accident.
/// </summary>
internal sealed class SiteParties(AppUnderTest app)
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>Open every day, 00:00–23:59.</summary>
    public static Dictionary<string, string> AllWeek() =>
        new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.ToDictionary(d => d, _ => "00:00-23:59");

    public static Dictionary<string, object?> Body(string ownerOrgId, string kind = "redCultureBase", bool sharedUse = false,
        decimal floorAreaM2 = 120.5m, object? openingHours = null) => new()
        {
            ["ownerOrgId"] = ownerOrgId, ["kind"] = kind, ["name"] = "红色文化基地", ["address"] = "会展大街1号", ["floorAreaM2"] = floorAreaM2,
            ["capacity"] = 40, ["openingHours"] = openingHours ?? AllWeek(), ["sharedUse"] = sharedUse, ["facilities"] = new[] { "会议室" },
        };

    /// <summary>Midnight (China Standard Time) <paramref name="days"/> days after today's.</summary>
    public static DateTimeOffset Day(int days) => new(DateTimeOffset.UtcNow.ToOffset(Cst).Date.AddDays(days), Cst);

    public async Task<JsonObject> CreateAsync(string asOpenId, object body) =>
        await (await app.SendAsync(HttpMethod.Post, "api/v1/sites", asOpenId, body)).ExpectAsync(201);

    public async Task<string> CreatedAsync(string asOpenId, object body) => (await CreateAsync(asOpenId, body)).Str("id");

    public Task<HttpResponseMessage> GetAsync(string id, string asOpenId) => app.SendAsync(HttpMethod.Get, $"api/v1/sites/{id}", asOpenId);

    public Task<HttpResponseMessage> PatchAsync(string id, string asOpenId, object body, string? ifMatch) =>
        app.SendAsync(HttpMethod.Patch, $"api/v1/sites/{id}", asOpenId, body,
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    public Task<HttpResponseMessage> BookAsync(string siteId, string asOpenId, string orgId, DateTimeOffset from, DateTimeOffset to,
        string? activityId = null) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/sites/{siteId}/bookings", asOpenId, new { orgId, from, to, activityId });

    public Task<HttpResponseMessage> CancelAsync(string siteId, string bookingId, string asOpenId) =>
        app.SendAsync(HttpMethod.Post, $"api/v1/sites/{siteId}/bookings/{bookingId}/cancel", asOpenId);

    public async Task<List<JsonNode>> BookingsAsync(string siteId, string asOpenId, string query = "") =>
        [.. (await (await app.SendAsync(HttpMethod.Get, $"api/v1/sites/{siteId}/bookings?limit=100{query}", asOpenId)).ExpectAsync(200))
            ["items"]!.AsArray().Select(n => n!)];

    public async Task<List<string>> ListAsync(string asOpenId, string query) =>
        (await (await app.SendAsync(HttpMethod.Get, $"api/v1/sites?limit=100&{query}", asOpenId)).ExpectAsync(200)).Ids();
}
