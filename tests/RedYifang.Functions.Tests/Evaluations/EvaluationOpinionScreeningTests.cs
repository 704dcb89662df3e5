using System.Text.Json.Nodes;
using Azure.Data.Tables;
using static RedYifang.Functions.Tests.Evaluations.EvaluationsApp;
using static RedYifang.Functions.Tests.Evaluations.EvaluationScene;

namespace RedYifang.Functions.Tests.Evaluations;

/// <summary>
/// An evaluation's opinion screened by WeChat (msg_sec_check, scene 2 评论) before it is written: risky is 422 content_rejected
/// and writes nothing; review keeps the evaluation, shows the opinion to its author and the admins over the evaluator's community,
/// stands in for it to the unit's other liaison, and lists it for the community's admins.
/// </summary>
[Collection(Collection)]
public sealed class EvaluationOpinionScreeningTests(EvaluationsApp slice) : IAsyncLifetime
{
    private EvaluationScene _s = null!;

    public async Task InitializeAsync() => _s = await slice.OnceAsync("eval-screen", async () =>
    {
        var api = slice.At(China(2026, 10, 20, 9));
        var scene = await CreateAsync(api, await TestDistrict.CreateAsync(api, AppUnderTest.BootstrapAdmin, "eval-screen"));
        await scene.D.UserAsync(api, "lA2", "liaison", scene.A);
        return scene;
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private TestDistrict D => _s.D;

    private async Task<List<string>> RowsAsync()
    {
        var table = slice.App.Table("Evaluations");
        await table.CreateIfNotExistsAsync();
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {D.DistrictId}")))
        {
            if (!row.RowKey.StartsWith("outbox|", StringComparison.Ordinal)) rows.Add(row.RowKey);
        }
        return rows;
    }

    private static async Task<JsonObject> GivenAsync(ApiClient api, string asOpenId, string evaluator) =>
        (await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?evaluatorOrgId={evaluator}&period=2026-10", asOpenId))
            .ExpectAsync(200))["items"]!.AsArray().Single()!.AsObject();

    [Fact]
    public async Task A_risky_opinion_is_refused_and_one_to_review_is_kept_held_for_the_communitys_admins()
    {
        var api = slice.At(China(2026, 11, 5, 10));
        var (a, la) = (_s.A, _s.Liaison("A"));
        var before = await RowsAsync();

        var refused = await (await PostAsync(api, la, Body("2026-10", a, D.CommunityId, 60, $"沟通不畅 {FakeWeChat.RiskyMarker}")))
            .ExpectProblemAsync(422, "content_rejected");
        Assert.Equal(new Dictionary<string, string[]> { ["opinion"] = ["含有违规内容：时政（20001）"] }, refused.Errors());
        Assert.Equal(before, await RowsAsync());

        var opinion = $"{FakeWeChat.ReviewMarker}社区协调及时";
        var written = await (await PostAsync(api, la, Body("2026-10", a, D.CommunityId, 88, opinion))).ExpectAsync(201);

        Assert.Equal((opinion, "pending", "review"), (written.Str("opinion"), written["moderation"].Str("state"),
            written["moderation"].Str("reason")));
        Assert.Contains(slice.WeChat.TextChecks, c => c.Content == opinion && c.Scene == 2 && c.OpenId == la);
        Assert.Equal(opinion, (await GivenAsync(api, la, a)).Str("opinion"));                      // its author
        Assert.Equal(opinion, (await GivenAsync(api, D.StreetAdmin, a)).Str("opinion"));           // an admin over the unit
        Assert.Equal("（内容审核中）", (await GivenAsync(api, _s.Liaison("A2"), a)).Str("opinion"));  // the unit's other liaison

        JsonObject? item = null;
        await Eventually.WaitAsync(async () => (item = (await (await api.SendAsync(HttpMethod.Get,
                $"api/v1/moderation/pending?orgId={D.CommunityId}", D.CommunityAdmin)).ExpectAsync(200))["items"]!.AsArray()
            .Select(i => i!.AsObject()).FirstOrDefault(i => i.Str("kind") == "evaluationOpinion")) is not null, TimeSpan.FromSeconds(20));
        Assert.True(item is not null, "the held opinion was never listed for the community's admins");
        Assert.Equal((written.Str("id"), opinion), (item.Str("ownerId"), item.Str("text")));

        await (await api.SendAsync(HttpMethod.Post, $"api/v1/moderation/{item.Str("id")}/hide", D.CommunityAdmin)).ExpectAsync(200);
        var hidden = await GivenAsync(api, _s.Liaison("A2"), a);
        Assert.Equal(("（内容已隐藏）", "hidden"), (hidden.Str("opinion"), hidden["moderation"].Str("state")));
        Assert.Equal(opinion, (await GivenAsync(api, la, a)).Str("opinion"));
    }
}
