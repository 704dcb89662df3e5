using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;

namespace RedYifang.Functions.Tests.Matching;

/// <summary>Suggestions, capacity and batch runs over HTTP, with the queue functions running in the local host.</summary>
[Collection("app")]
public sealed class MatchingFlowTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = "dev-street";
    private const string Liaison = "dev-liaison";

    private async Task<string> ResourceAsync(string category, int capacity, string area = "org_demo-s1", bool publish = true)
    {
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, new
        {
            unitId = "org_demo-u01", title = "测试资源" + Guid.NewGuid().ToString("N")[..6], category, description = "测试", kind = "service",
            areaIds = new[] { area }, monthlyCapacity = capacity, availability = new[] { new { weekday = 6, from = "09:00", to = "12:00" } },
            validFrom = "2026-01-01", validTo = "2030-12-31",
        })).ExpectAsync(201)).Str("id");
        if (publish) await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", Liaison)).ExpectAsync(200);
        return id;
    }

    private async Task<string> PublishedOrderAsync(string category, string community = "org_demo-s1-c3", string urgency = "normal")
    {
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", "matching-resident", new
        {
            communityId = community, title = "需求" + Guid.NewGuid().ToString("N")[..6], category, description = "测试需求", beneficiaries = 2,
            urgency, level = "community",
        })).ExpectAsync(201)).Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/publish", Admin)).ExpectAsync(200);
        return id;
    }

    private async Task<JsonArray> SuggestionsAsync(string orderId, Func<JsonArray, bool> until)
    {
        JsonArray items = [];
        for (var i = 0; i < 100; i++)
        {
            items = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{orderId}/suggestions", Admin)).ExpectAsync(200))["items"]!.AsArray();
            if (until(items)) break;
            await Task.Delay(100);
        }
        return items;
    }

    [Fact]
    public async Task Publishing_an_order_yields_explained_suggestions_best_first()
    {
        var resource = await ResourceAsync("psychological", 5);
        var order = await PublishedOrderAsync("psychological");

        var items = await SuggestionsAsync(order, i => i.Any(s => s.Str("resourceId") == resource));

        var mine = Assert.Single(items, s => s.Str("resourceId") == resource);
        var factors = mine!["reasons"]!.AsArray().Select(r => r.Str("factor")).ToList();
        Assert.Equal(["category", "area", "capacity", "availability", "trackRecord", "fairness"], factors);
        var weighted = mine["reasons"]!.AsArray().Sum(r => r!["weight"]!.GetValue<double>() * r["value"]!.GetValue<double>());
        Assert.Equal(Math.Round(weighted, 4), mine["score"]!.GetValue<double>(), 3);
        Assert.Equal(0.5, mine["reasons"]![1]!["value"]!.GetValue<double>()); // serves the street, the order is in one of its communities
        var scores = items.Select(s => s!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(items.Count <= 10);
    }

    [Fact]
    public async Task Pausing_a_resource_takes_it_out_of_the_suggestions()
    {
        var resource = await ResourceAsync("disability", 3);
        var order = await PublishedOrderAsync("disability");
        await SuggestionsAsync(order, i => i.Any(s => s.Str("resourceId") == resource));

        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{resource}/pause", Liaison)).ExpectAsync(200);

        var items = await SuggestionsAsync(order, i => i.All(s => s.Str("resourceId") != resource));
        Assert.DoesNotContain(items, s => s.Str("resourceId") == resource);
    }

    [Fact]
    public async Task Handling_a_request_twice_gives_the_same_result_and_a_vanished_object_is_a_no_op()
    {
        var resource = await ResourceAsync("financial", 4);
        var order = await PublishedOrderAsync("financial");
        var suggestions = _app.Services.GetRequiredService<Suggestions>();
        var store = _app.Services.GetRequiredService<SuggestionStore>();
        var stored = (await _app.Services.GetRequiredService<OrderStore>().FindAsync(order))!.Order;

        await suggestions.HandleAsync(new MatchRequest("order", order, "test"), CancellationToken.None);
        var first = (await store.GetAsync(stored))!.Items;
        await suggestions.HandleAsync(new MatchRequest("order", order, "test"), CancellationToken.None);
        Assert.Equal(first, (await store.GetAsync(stored))!.Items, new JsonEquality<Suggestion>());
        Assert.Contains(first, s => s.ResourceId == resource);

        await suggestions.HandleAsync(new MatchRequest("order", "ord_demo-s1-c1-gone1", "test"), CancellationToken.None);
        await suggestions.HandleAsync(new MatchRequest("resource", "res_demo-u01-gone1", "test"), CancellationToken.None);
        await suggestions.HandleAsync(new MatchRequest("order", "not an id", "test"), CancellationToken.None);
    }

    [Fact]
    public async Task Concurrent_matches_never_oversubscribe_a_resource()
    {
        var resource = await ResourceAsync("employment", 2, area: "org_demo-s1-c4");
        var orders = new List<string>();
        for (var i = 0; i < 6; i++) orders.Add(await PublishedOrderAsync("employment", "org_demo-s1-c4"));

        var responses = await Task.WhenAll(orders.Select(o => _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{o}/match", Admin, new { resourceId = resource })));

        Assert.Equal(2, responses.Count(r => (int)r.StatusCode == 200));
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 200))
        {
            Assert.Equal("capacity_exhausted", (await refused.ExpectAsync(409)).Str("code"));
        }

        // Cancelling a matched order gives its capacity back.
        var matched = orders.Where((_, i) => (int)responses[i].StatusCode == 200).First();
        var waiting = orders.Where((_, i) => (int)responses[i].StatusCode != 200).First();
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{matched}/cancel", Admin, new { reason = "居民已搬走" })).ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{waiting}/match", Admin, new { resourceId = resource })).ExpectAsync(200);
    }

    [Fact]
    public async Task A_batch_run_proposes_a_feasible_optimal_assignment_and_matches_nothing()
    {
        var small = await ResourceAsync("cultureSport", 1, area: "org_demo-s1-c2");
        var large = await ResourceAsync("cultureSport", 2, area: "org_demo-s1-c2");
        var orders = new List<string>();
        for (var i = 0; i < 4; i++) orders.Add(await PublishedOrderAsync("cultureSport", "org_demo-s1-c2", i == 0 ? "high" : "low"));

        var started = await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-admin", new { scopeOrgId = "org_demo-s1-c2" });
        var run = await started.ExpectAsync(202);
        Assert.Equal($"/api/v1/matching/runs/{run.Str("id")}", started.Headers.Location!.ToString());

        JsonObject done = run;
        for (var i = 0; i < 100 && done.Str("state") is "queued" or "running"; i++)
        {
            await Task.Delay(100);
            done = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/matching/runs/{run.Str("id")}?limit=100", "dev-admin")).ExpectAsync(200);
        }
        Assert.Equal("completed", done.Str("state"));
        var all = done["proposals"]!.AsArray();
        Assert.Equal(done["objective"]!["served"]!.GetValue<int>(), all.Count);
        Assert.Equal(all.Count, all.Select(p => p.Str("orderId")).Distinct().Count());
        Assert.True(all.Count(p => p.Str("resourceId") == small) <= 1);
        Assert.True(all.Count(p => p.Str("resourceId") == large) <= 2);
        var ours = all.Where(p => orders.Contains(p.Str("orderId"))).ToList();
        Assert.True(ours.Count >= 3, $"{ours.Count} of our 4 orders proposed");
        Assert.Contains(ours, p => p.Str("orderId") == orders[0]); // the urgent one is served
        foreach (var order in orders)
        {
            Assert.Equal("published", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", "dev-admin")).ExpectAsync(200)).Str("state"));
        }
    }

    [Fact]
    public async Task Runs_are_for_admins_of_the_scope()
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-community", new { scopeOrgId = "org_demo-s2" })).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-resident", new { scopeOrgId = "org_demo-s1-c1" })).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-street", new { scopeOrgId = "org_demo-u01" })).ExpectAsync(422);
        var run = await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-street", new { scopeOrgId = "org_demo-s1" })).ExpectAsync(202);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/matching/runs/{run.Str("id")}", "dev-community")).ExpectAsync(404);
    }

    private sealed class JsonEquality<T> : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);
        public int GetHashCode(T obj) => System.Text.Json.JsonSerializer.Serialize(obj).GetHashCode();
    }
}
