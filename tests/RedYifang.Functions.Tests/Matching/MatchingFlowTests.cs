using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;

namespace RedYifang.Functions.Tests.Matching;

/// <summary>
/// Suggestions, capacity and batch runs over HTTP, with the queue functions running in the local host. Each test works in
/// a community and with a unit of its own (no record yet, nothing else offered there), so every score and count is known.
/// </summary>
[Collection(Slices.Orders)]
public sealed class MatchingFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("matching");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A community of the street with a unit of the street and its liaison, all new.</summary>
    private async Task<(string Community, string Unit, string Liaison)> PlaceAsync(string name)
    {
        var community = await _d.OrgAsync(_app, "community", _d.StreetId, $"{name}社区");
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, $"{name}服务中心", "socialOrganization");
        return (community, unit, await _d.UserAsync(_app, $"{name}-liaison", "liaison", unit));
    }

    private Task<string> ResourceAsync(
        (string Community, string Unit, string Liaison) place,
        string category,
        int capacity,
        string? area = null) =>
        _d.PublishedResourceAsync(_app, capacity, category, [area ?? _d.StreetId], place.Unit, place.Liaison);

    /// <summary>The order's suggestions once computed, polled until <paramref name="until"/> holds (or thirty seconds pass).</summary>
    private async Task<JsonArray> SuggestionsAsync(string orderId, Func<JsonArray, bool> until)
    {
        JsonObject answer = [];
        await Eventually.WaitAsync(async () =>
        {
            answer = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{orderId}/suggestions", _d.StreetAdmin)).ExpectAsync(200);
            return answer["computedAt"] is not null && until(answer["items"]!.AsArray());
        }, TimeSpan.FromSeconds(30));
        Assert.NotNull(answer["computedAt"]);
        return answer["items"]!.AsArray();
    }

    private static List<(string, double, double)> Reasons(JsonNode suggestion) =>
        suggestion["reasons"]!.AsArray().Select(r => (r.Str("factor"), r!["weight"]!.GetValue<double>(), r["value"]!.GetValue<double>()))
            .ToList();

    [Fact]
    public async Task Publishing_an_order_yields_explained_suggestions_best_first()
    {
        var place = await PlaceAsync("建议");
        var street = await ResourceAsync(place, "psychological", 5);
        var community = await ResourceAsync(place, "psychological", 4, place.Community);
        await ResourceAsync(place, "legalAid", 5);                                                  // another category: never suggested
        var order = await _d.PublishedOrderAsync(_app, "psychological", place.Community);

        var items = await SuggestionsAsync(order, i => i.Count == 2);

        Assert.Equal([community, street], items.Select(s => s.Str("resourceId")));                 // best first
        // A unit with no record yet: track record at its priors (0.5 × 0.8 + 0.5 × (4 − 1) / 4), fairness 1, no window asked.
        Assert.Equal(
            [
                ("category", 0.2, 1.0), ("area", 0.25, 0.75), ("capacity", 0.15, 1.0),
                ("availability", 0.15, 0.5), ("trackRecord", 0.15, 0.775), ("fairness", 0.1, 1.0),
            ],
            Reasons(items[0]!));
        // Serves the street, the order is in one of its communities.
        Assert.Equal(
            [
                ("category", 0.2, 1.0), ("area", 0.25, 0.5), ("capacity", 0.15, 1.0),
                ("availability", 0.15, 0.5), ("trackRecord", 0.15, 0.775), ("fairness", 0.1, 1.0),
            ],
            Reasons(items[1]!));
        // 0.82875 and 0.76625, each a hair below in binary, rounded to four places.
        Assert.Equal([0.8287, 0.7662], items.Select(s => s!["score"]!.GetValue<double>()));
        Assert.All(items, s => Assert.Equal(Math.Round(Reasons(s!).Sum(r => r.Item2 * r.Item3), 4), s!["score"]!.GetValue<double>(), 4));
        Assert.All(items, s => Assert.Equal(place.Unit, s.Str("unitId")));
    }

    [Fact]
    public async Task Pausing_a_resource_takes_it_out_of_the_suggestions_and_publishing_it_again_brings_it_back()
    {
        var place = await PlaceAsync("暂停");
        var resource = await ResourceAsync(place, "disability", 3);
        var order = await _d.PublishedOrderAsync(_app, "disability", place.Community);
        Assert.Equal([resource], (await SuggestionsAsync(order, i => i.Count == 1)).Select(s => s.Str("resourceId")));

        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{resource}/pause", place.Liaison)).ExpectAsync(200);
        Assert.Empty(await SuggestionsAsync(order, i => i.Count == 0));

        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{resource}/publish", place.Liaison)).ExpectAsync(200);
        Assert.Equal([resource], (await SuggestionsAsync(order, i => i.Count == 1)).Select(s => s.Str("resourceId")));
    }

    [Fact]
    public async Task Handling_a_request_twice_gives_the_same_result_and_a_vanished_object_is_a_no_op()
    {
        var place = await PlaceAsync("重复");
        var resource = await ResourceAsync(place, "financial", 4);
        var order = await _d.PublishedOrderAsync(_app, "financial", place.Community);
        var suggestions = _app.Services.GetRequiredService<Suggestions>();
        var store = _app.Services.GetRequiredService<SuggestionStore>();
        var stored = (await _app.Services.GetRequiredService<OrderStore>().FindAsync(order))!.Order;

        await suggestions.HandleAsync(new MatchRequest("order", order, "test"), CancellationToken.None);
        var first = (await store.GetAsync(stored))!.Items;
        await suggestions.HandleAsync(new MatchRequest("order", order, "test"), CancellationToken.None);
        Assert.Equal(first, (await store.GetAsync(stored))!.Items, new JsonEquality<Suggestion>());
        Assert.Equal([resource], first.Select(s => s.ResourceId));

        await suggestions.HandleAsync(new MatchRequest("order", $"ord_{place.Community[4..]}-gone1", "test"), CancellationToken.None);
        await suggestions.HandleAsync(new MatchRequest("resource", $"res_{place.Unit[4..]}-gone1", "test"), CancellationToken.None);
        await suggestions.HandleAsync(new MatchRequest("order", "not an id", "test"), CancellationToken.None);
        await suggestions.HandleAsync(new MatchRequest("planet", order, "test"), CancellationToken.None);
        Assert.Equal(first, (await store.GetAsync(stored))!.Items, new JsonEquality<Suggestion>());
    }

    [Fact]
    public async Task Concurrent_matches_never_oversubscribe_a_resource()
    {
        var place = await PlaceAsync("容量");
        var resource = await ResourceAsync(place, "employment", 2, place.Community);
        var orders = new List<string>();
        for (var i = 0; i < 6; i++) orders.Add(await _d.PublishedOrderAsync(_app, "employment", place.Community));

        var responses = await Task.WhenAll(
            orders.Select(o => _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{o}/match", _d.StreetAdmin, new { resourceId = resource })));

        Assert.Equal(2, responses.Count(r => (int)r.StatusCode == 200));
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 200))
        {
            await refused.ExpectProblemAsync(409, "capacity_exhausted");
        }
        var matched = orders.Where((_, i) => (int)responses[i].StatusCode == 200).ToList();
        var waiting = orders.Where((_, i) => (int)responses[i].StatusCode != 200).ToList();
        var queue = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/orders?communityId={place.Community}&state=matched",
            _d.StreetAdmin)).ExpectAsync(200);
        Assert.Equal(matched.Order(StringComparer.Ordinal), queue.Ids().Order(StringComparer.Ordinal));

        // Cancelling a matched order gives its capacity back: one more fits, then none.
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{matched[0]}/cancel", _d.StreetAdmin, new { reason = "居民已搬走" }))
            .ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{waiting[0]}/match", _d.StreetAdmin, new { resourceId = resource }))
            .ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{waiting[1]}/match", _d.StreetAdmin, new { resourceId = resource }))
            .ExpectProblemAsync(409, "capacity_exhausted");
    }

    [Fact]
    public async Task A_batch_run_proposes_a_feasible_optimal_assignment_and_matches_nothing()
    {
        var place = await PlaceAsync("批量");
        var small = await ResourceAsync(place, "cultureSport", 1, place.Community);
        var large = await ResourceAsync(place, "cultureSport", 2, place.Community);
        var orders = new List<string>();
        for (
            var i = 0;
            i < 4;
            i++) orders.Add(await _d.PublishedOrderAsync(_app, "cultureSport", place.Community, i == 0 ? "high" : "low"));

        var started = await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.StreetAdmin, new { scopeOrgId = place.Community });
        var run = await started.ExpectAsync(202);
        Assert.Equal($"/api/v1/matching/runs/{run.Str("id")}", started.Headers.Location!.ToString());
        Assert.Equal(("queued", place.Community), (run.Str("state"), run.Str("scopeOrgId")));

        JsonObject done = run;
        await Eventually.WaitAsync(async () => (done = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/matching/runs/{run.Str("id")}?limit=100",
            _d.StreetAdmin)).ExpectAsync(200)).Str("state") is "completed" or "failed", TimeSpan.FromSeconds(30));
        Assert.Equal("completed", done.Str("state"));
        var objective = done["objective"]!;
        Assert.Equal((4, 3, 1, 0, 2), (objective["orders"]!.GetValue<int>(), objective["served"]!.GetValue<int>(), objective["servedHigh"]!
            .GetValue<int>(),
            objective["servedNormal"]!.GetValue<int>(), objective["servedLow"]!.GetValue<int>()));
        var proposals = done["proposals"]!.AsArray();
        Assert.Equal(3, proposals.Select(p => p.Str("orderId")).Distinct().Count());              // three capacity units, three orders
        Assert.Equal(1, proposals.Count(p => p.Str("resourceId") == small));
        Assert.Equal(2, proposals.Count(p => p.Str("resourceId") == large));
        Assert.Contains(orders[0], proposals.Select(p => p.Str("orderId")));                        // the urgent one is served
        Assert.All(proposals, p => Assert.Contains(p.Str("orderId"), orders));
        foreach (var order in orders)
        {
            Assert.Equal(
                "published",
                (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", _d.StreetAdmin)).ExpectAsync(200)).Str("state"));
        }
    }

    [Fact]
    public async Task Runs_are_for_admins_of_the_scope()
    {
        var otherStreet = await _d.OrgAsync(_app, "street", _d.DistrictId, "另一街道");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.CommunityAdmin, new { scopeOrgId = otherStreet }))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.CommunityAdmin, new { scopeOrgId = _d.StreetId }))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.Resident, new { scopeOrgId = _d.CommunityId }))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.StreetAdmin, new { scopeOrgId = _d.UnitId }))
            .ExpectProblemAsync(422, "invalid_reference");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.StreetAdmin, new { scopeOrgId = _d.GridId }))
            .ExpectProblemAsync(422, "invalid_reference");
        var run = await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.StreetAdmin, new { scopeOrgId = _d.StreetId }))
            .ExpectAsync(202);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/matching/runs/{run.Str("id")}", _d.CommunityAdmin)).ExpectProblemAsync(
            404,
            "not_found");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/matching/runs/{run.Str("id")}", _d.DistrictAdmin)).ExpectAsync(200);
        var own = await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/matching/runs",
            _d.CommunityAdmin,
            new { scopeOrgId = _d.CommunityId })).ExpectAsync(202);
        Assert.Equal(_d.CommunityId, own.Str("scopeOrgId"));
    }

    private sealed class JsonEquality<T> : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);
        public int GetHashCode(T obj) => System.Text.Json.JsonSerializer.Serialize(obj).GetHashCode();
    }
}
