using System.Text.Json.Nodes;

namespace RedYifang.RealHost.Tests;

/// <summary>Queue-triggered work on the Functions host: a batch matching run, an assessment run, and a poisoned message.</summary>
[Collection("real host")]
public sealed class BackgroundWorkTests(RealHostFixture fixture)
{
    private readonly FunctionsHost _app = fixture.App;
    private readonly TestDistrict _d = fixture.District;

    [Fact]
    public async Task A_batch_run_proposes_the_only_fitting_resource_for_the_only_order_in_its_scope()
    {
        // A community of its own, so the run's scope holds exactly this order; legal aid, so only this resource fits.
        var community = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", _d.Admin,
            new { kind = "community", parentId = _d.StreetId, name = "批量匹配社区（rh）" })).ExpectAsync(201)).Str("id");
        var resource = await _d.PublishedResourceAsync(_app, monthlyCapacity: 5, category: "legalAid");
        var order = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, new
        {
            communityId = community, title = "劳动合同咨询", category = "legalAid", description = "需要律师解读劳动合同", beneficiaries = 1,
            urgency = "normal", level = "community",
        })).ExpectAsync(201)).Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/publish", _d.StreetAdmin, new { })).ExpectAsync(200);

        var started = await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", _d.StreetAdmin, new { scopeOrgId = community });
        await started.ExpectAsync(202);
        var location = started.Headers.Location!.ToString();
        JsonObject run = [];
        await Eventually.WaitAsync(async () =>
        {
            run = await (await _app.SendAsync(HttpMethod.Get, location.TrimStart('/'), _d.StreetAdmin)).ExpectAsync(200);
            return run.Str("state") is "completed" or "failed";
        }, TimeSpan.FromSeconds(30));

        Assert.Equal("completed", run.Str("state"));
        var proposal = Assert.Single(run["proposals"]!.AsArray());
        Assert.Equal(order, proposal.Str("orderId"));
        Assert.Equal(resource, proposal.Str("resourceId"));
        Assert.Equal(1, run["objective"]!["served"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_assessment_run_publishes_a_final_ranking_of_a_past_month_with_the_districts_unit()
    {
        // Two months back in China time: a period the nightly timer neither refreshes nor finalises, so only this run writes it.
        var period = $"{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(-2):yyyy-MM}";
        var ranking = $"api/v1/rankings/{period}?districtId={_d.DistrictId}";
        Assert.Equal(404, (int)(await _app.SendAsync(HttpMethod.Get, ranking)).StatusCode);

        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/assessment/runs",
            _d.DistrictAdmin,
            new { districtId = _d.DistrictId, period })).ExpectAsync(202);
        JsonObject ranked = [];
        await Eventually.WaitAsync(async () =>
        {
            var response = await _app.SendAsync(HttpMethod.Get, ranking);
            if ((int)response.StatusCode != 200) return false;
            ranked = await response.JsonAsync();
            return true;
        }, TimeSpan.FromSeconds(30));

        Assert.Equal(period, ranked.Str("period"));
        Assert.True(ranked["final"]!.GetValue<bool>());
        var unit = Assert.Single(ranked["items"]!.AsArray(), i => i.Str("orgId") == _d.UnitId);
        Assert.False(unit!["eligible"]!.GetValue<bool>()); // no evidence-backed accepted order in that month
    }

    [Fact]
    public async Task A_poisoned_message_moves_to_the_poison_queue_while_the_api_keeps_serving()
    {
        var marker = $"not json {Guid.NewGuid():N}";
        var queue = fixture.Queue("match-requests");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(marker);

        var poison = fixture.Queue("match-requests-poison");
        string? poisoned = null;
        await Eventually.WaitAsync(async () =>
        {
            Assert.True(await _app.AnswersAsync("api/health"));
            await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", _d.Resident)).ExpectAsync(200);
            if (!(await poison.ExistsAsync()).Value) return false;
            var peeked = (await poison.PeekMessagesAsync(32)).Value;
            poisoned = peeked.Select(m => m.Body.ToString()).FirstOrDefault(b => b == marker);
            return poisoned is not null;
        }, TimeSpan.FromSeconds(60));

        Assert.Equal(marker, poisoned);
    }
}
