using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Matching;

namespace RedYifang.Functions.Tests.Tenancy;

/// <summary>
/// What matching offers can be confirmed, and what fails in a unit's hands counts against it: suggestions and batch
/// proposals on random orders and resources are all accepted by <c>match</c>; a cancellation after matching and a
/// refused completion become facts against the unit. A collection (an app) of its own: the 200-order test is the longest
/// of the tier, and runs beside the others rather than after any of them.
/// </summary>
[Collection(Slices.MatchingAtScale)]
public sealed class ActionableMatchingTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private static readonly string[] Categories =
    [
        "medical", "legalAid", "financial", "elderlyCare", "disability", "childrenEducation", "cultureSport", "environment",
        "employment", "repairs", "psychological", "other",
    ];
    private static readonly string[] json = new[] { "low", "normal", "high" };

    [Fact]
    public async Task Every_suggested_and_every_proposed_resource_for_200_random_orders_is_accepted_by_match()
    {
        var d = await slice.DistrictAsync("sg");
        var random = new Random(1212);
        var grids = new List<string> { d.GridId };
        for (var g = 2; g <= 3; g++)
        {
            grids.Add((await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", d.Admin,
                new { kind = "grid", parentId = d.CommunityId, name = $"第{g}网格（sg）" })).ExpectAsync(201)).Str("id"));
        }
        // 24 resources over the categories ("other" among them, some categories without any), each serving the street,
        // the community or one grid; capacity enough for every order, so capacity never decides.
        var resources = new Dictionary<string, (string Category, string Area)>();
        for (var r = 0; r < 24; r++)
        {
            var category = Categories[random.Next(Categories.Length)];
            string[] areas = random.Next(3) switch { 0 => [d.StreetId], 1 => [d.CommunityId], _ => [grids[random.Next(grids.Count)]] };
            var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", d.Liaison, new
            {
                unitId = d
                    .UnitId, title = $"资源{r}", category, description = "随机资源", kind = "service", areaIds = areas, monthlyCapacity = 1000,
                availability = new[] {
                    new { weekday = 1 + random.Next(7), from = "09:00", to = "17:00" } }, validFrom = "2026-01-01", validTo = "2030-12-31",
            })).ExpectAsync(201);
            await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{created.Str("id")}/publish", d.Liaison)).ExpectAsync(200);
            resources[created.Str("id")] = (category, areas[0]);
        }
        Assert.Contains(resources.Values, r => r.Category == "other");

        var plans = Enumerable.Range(0, 200).Select(_ => (category: Categories[random.Next(Categories.Length)],
            grid: random.Next(4) == 0 ? null : grids[random.Next(grids.Count)])).ToList();
        var orders = new string[plans.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, new
            {
                communityId = d.CommunityId, gridId = plans[i].grid, title = $"需求{i}", category = plans[i].category, description = "随机需求",
                beneficiaries = 1 + (i % 5), urgency = json[i % 3], level = "community",
            })).ExpectAsync(201);
            await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{created.Str("id")}/publish", d.CommunityAdmin, new { }))
                .ExpectAsync(200);
            orders[i] = created.Str("id");
        });

        // What match accepts, known from the set-up alone: a resource of the order's category serving an area on its path (the
        // street, the community, or the order's grid); capacity is ample. Suggestions keep the best ten.
        HashSet<string> Feasible(int i) => resources.Where(r => r.Value.Category == plans[i].category
            && (r.Value.Area == d.StreetId || r.Value.Area == d.CommunityId
                || r.Value.Area == plans[i].grid)).Select(r => r.Key).ToHashSet();

        // Suggestions, once computed for every order; the top one of each of the first 100 orders is matched.
        var suggestions = new JsonObject[orders.Length];
        await Eventually.WaitAsync(async () =>
        {
            for (var i = 0; i < orders.Length; i++)
            {
                if (suggestions[i] is not null) continue;
                var answer = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{orders[i]}/suggestions", d.CommunityAdmin))
                    .ExpectAsync(200);
                if (answer["computedAt"] is not null) suggestions[i] = answer;
            }
            return suggestions.All(s => s is not null);
        }, TimeSpan.FromSeconds(60));
        Assert.All(suggestions, s => Assert.NotNull(s));
        for (var i = 0; i < orders.Length; i++)
        {
            var offered = suggestions[i]["items"]!.AsArray().Select(item => item.Str("resourceId")).ToList();
            // At most four resources can serve any one order here, fewer than the ten suggestions kept: all of them are offered.
            Assert.Equal(Feasible(i).Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        }
        Assert.Equal(315, suggestions.Sum(x => x["items"]!.AsArray().Count));
        var matched = 0;
        for (var i = 0; i < 100; i++)
        {
            if (suggestions[i]["items"]!.AsArray().FirstOrDefault() is not { } top) continue;
            await (await _app.SendAsync(
                HttpMethod.Post,
                $"api/v1/orders/{orders[i]}/match",
                d.CommunityAdmin,
                new { resourceId = top.Str("resourceId") }))
                .ExpectAsync(200);
            matched++;
        }
        Assert.Equal(Enumerable.Range(0, 100).Count(i => Feasible(i).Count > 0), matched);

        // A batch run over what is still published: every order something can serve is proposed, and every proposal is confirmed by match.
        var started = await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", d.CommunityAdmin, new { scopeOrgId = d.CommunityId });
        await started.ExpectAsync(202);
        var location = started.Headers.Location!.ToString().TrimStart('/');
        JsonObject run = [];
        await Eventually.WaitAsync(async () => (run = await (await _app.SendAsync(HttpMethod.Get, location, d.CommunityAdmin)).ExpectAsync(
            200))
            .Str("state") is "completed" or "failed", TimeSpan.FromSeconds(30));
        Assert.Equal("completed", run.Str("state"));
        var proposals = new List<JsonNode>();
        string? token = null;
        do
        {
            var page = await (await _app.SendAsync(
                HttpMethod.Get,
                $"{location}?limit=100{(token is null ? "" : $"&continuationToken={token}")}",
                d.CommunityAdmin)).ExpectAsync(200);
            proposals.AddRange(page["proposals"]!.AsArray()!);
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        var stillPublished = Enumerable.Range(0, orders.Length).Where(i => i >= 100 || Feasible(i).Count == 0).ToList();
        Assert.Equal(stillPublished.Count, run["objective"]!["orders"]!.GetValue<int>());
        Assert.Equal(stillPublished.Where(i => Feasible(i).Count > 0).Select(i => orders[i]).Order(StringComparer.Ordinal),
            proposals.Select(p => p.Str("orderId")).Order(StringComparer.Ordinal));
        foreach (var proposal in proposals)
        {
            Assert.Contains(proposal.Str("resourceId"), Feasible(Array.IndexOf(orders, proposal.Str("orderId"))));
            await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{proposal.Str("orderId")}/match", d.CommunityAdmin,
                new { resourceId = proposal.Str("resourceId") })).ExpectAsync(200);
        }

        // With this seed: 19 orders have nothing of their category where they are; 89 of the first 100 are matched, 92 of the rest proposed.
        Assert.Equal(19, Enumerable.Range(0, orders.Length).Count(i => Feasible(i).Count == 0));
        Assert.Equal((89, 92), (matched, proposals.Count));
    }

    [Fact]
    public async Task A_cancellation_after_matching_and_a_refused_completion_are_facts_against_the_unit()
    {
        var d = await slice.DistrictAsync("af");
        var resource = await d.PublishedResourceAsync(_app, monthlyCapacity: 10);
        Task<HttpResponseMessage> Act(string order, string action, string who, object? body = null) =>
            _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", who, body ?? new { });

        var records = _app.Services.GetRequiredService<UnitRecords>();
        // No waiting between the steps: the unit's facts may be recorded in any order (UnitRecordTests in the rules tier).
        var cancelled = await d.PublishedOrderAsync(_app);
        await (await Act(cancelled, "match", d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(cancelled, "cancel", d.CommunityAdmin, new { reason = "居民已自行解决" })).ExpectAsync(200);

        var reopened = await d.PublishedOrderAsync(_app);
        await (await Act(reopened, "match", d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(reopened, "agree", d.Liaison)).ExpectAsync(200);
        await (await Act(reopened, "start", d.Liaison)).ExpectAsync(200);
        var photo = (await _app.UploadAsync(d.Liaison, "order", reopened, Photos.Jpeg(777))).Str("id");
        await (await Act(reopened, "complete", d.Liaison, new { evidenceIds = new[] { photo }, serviceHours = 1, beneficiaries = 1 }))
            .ExpectAsync(200);
        await (await Act(reopened, "reopen", d.CommunityAdmin, new { reason = "现场未清理" })).ExpectAsync(200);

        var month = $"{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM}";
        JsonArray facts = [];
        await Eventually.WaitAsync(async () =>
        {
            facts = (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{month}/orgs/{d.UnitId}/facts", d.Liaison)).ExpectAsync(
                200))["items"]!.AsArray();
            return facts.Count >= 4;
        }, TimeSpan.FromSeconds(20));
        // Both matches count for the unit; the cancellation after matching and the refused completion count against it.
        Assert.Equal(new Dictionary<string, int> { ["matched"] = 2, ["lapsed"] = 1, ["reopened"] = 1 },
            facts.GroupBy(f => f.Str("kind")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal([$"{cancelled}|lapsed|{d.UnitId}"], facts.Where(f => f.Str("kind") == "lapsed").Select(f => f.Str("id")));
        Assert.Equal([$"{reopened}|reopened"], facts.Where(f => f.Str("kind") == "reopened").Select(f => f.Str("id")));

        UnitRecord record = UnitRecord.New;
        var expected = new UnitRecord(Assigned: 2, Completed: 1, Rated: 0, StarsSum: 0, Active: 0, Failed: 2);
        await Eventually.WaitAsync(async () => (record = await records.GetAsync(d.UnitId)) == expected, TimeSpan.FromSeconds(20));
        Assert.Equal(expected, record);
        // (1 + 4 × 0.8) / (1 + 2 + 4) = 0.6 completion against 0.84 with no failures; stars at their prior (4 of 5).
        Assert.Equal((0.675, 0.795), (Scoring.TrackRecord(record), Scoring.TrackRecord(record with { Failed = 0 })));
    }
}
