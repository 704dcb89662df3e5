using Azure.Data.Tables;
using static RedYifang.Functions.Tests.Evaluations.EvaluationsApp;
using static RedYifang.Functions.Tests.Evaluations.EvaluationScene;

namespace RedYifang.Functions.Tests.Evaluations;

/// <summary>
/// <c>POST /v1/evaluations</c> over HTTP in a district of its own, on the slice's clock: what it refuses (400, 403, 409, 422, each
/// writing nothing), the window's edges at midnight in China, and twenty identical requests at once.
/// </summary>
[Collection(Collection)]
public sealed class EvaluationRulesSliceTests(EvaluationsApp slice) : IAsyncLifetime
{
    private EvaluationScene _s = null!;

    public async Task InitializeAsync() => _s = await slice.OnceAsync("eval-rules", async () =>
    {
        var api = slice.At(China(2026, 10, 20, 9));
        return await CreateAsync(api, await TestDistrict.CreateAsync(api, AppUnderTest.BootstrapAdmin, "eval-rules"));
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private TestDistrict D => _s.D;

    /// <summary>The rows of the district's partition of <c>Evaluations</c> (outbox rows aside), by row key.</summary>
    private async Task<List<string>> RowsAsync(string prefix = "")
    {
        var table = slice.App.Table("Evaluations");
        await table.CreateIfNotExistsAsync();
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {D.DistrictId}")))
        {
            if (!row.RowKey.StartsWith("outbox|", StringComparison.Ordinal) && row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row.RowKey);
            }
        }
        return rows;
    }

    [Fact]
    public async Task Refusals_are_problems_naming_what_is_wrong_and_change_nothing()
    {
        var api = slice.At(China(2026, 11, 5, 10));
        var before = await RowsAsync();
        var (a, la) = (_s.A, _s.Liaison("A"));

        // 400: a score out of range, not an integer, or a number in a string — each names score and nothing else.
        foreach (var score in new object[] { 101, -1, 85.5, "85" })
        {
            var problem = await (await PostAsync(api, la, Body("2026-10", a, D.CommunityId, score)))
                .ExpectProblemAsync(400, "validation_failed");
            Assert.Equal(["score"], problem.Errors().Keys);
        }
        var missing = await (await PostAsync(api, la, new { period = "2026-10" })).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["evaluatorOrgId", "opinion", "score", "subjectOrgId"], missing.Errors().Keys.Order());

        // 422: pairs that do not evaluate each other, and organisations that do not exist.
        await (await PostAsync(api, la, Body("2026-10", a, _s.S2, 80))).ExpectProblemAsync(422, "evaluation_pair_not_allowed");
        await (await PostAsync(api, D.CommunityAdmin, Body("2026-10", D.CommunityId, D.UnitId, 80)))
            .ExpectProblemAsync(422, "evaluation_pair_not_allowed");                           // U0 hangs under the street, not C
        await (await PostAsync(api, D.StreetAdmin, Body("2026-10", D.StreetId, D.CommunityId, 80)))
            .ExpectProblemAsync(422, "evaluation_pair_not_allowed");
        await (await PostAsync(api, la, Body("2026-10", a, _s.B, 80))).ExpectProblemAsync(422, "evaluation_pair_not_allowed");
        var unknown = await (await PostAsync(api, la, Body("2026-10", a, "org_nosuchorg1", 80)))
            .ExpectProblemAsync(422, "invalid_reference");
        Assert.Equal(["subjectOrgId"], unknown.Errors().Keys);

        // 403: not acting for the evaluator — another unit's liaison, a stranger — or acting for a unit as an admin of the
        // community or street it evaluates.
        await (await PostAsync(api, _s.Liaison("B"), Body("2026-10", a, D.CommunityId, 80))).ExpectProblemAsync(403, "forbidden");
        await (await PostAsync(api, D.Stranger, Body("2026-10", a, D.CommunityId, 80))).ExpectProblemAsync(403, "forbidden");
        await (await PostAsync(api, D.CommunityAdmin, Body("2026-10", a, D.CommunityId, 80))).ExpectProblemAsync(403, "forbidden");
        await (await PostAsync(api, D.StreetAdmin, Body("2026-10", a, D.StreetId, 80))).ExpectProblemAsync(403, "forbidden");
        await (await PostAsync(api, D.StreetAdmin, Body("2026-10", a, D.CommunityId, 80))).ExpectProblemAsync(403, "forbidden");

        // 409: outside the window — November has not ended, September's and Q3's windows closed on 16 October, 2026's opens in 2027.
        await (await PostAsync(api, la, Body("2026-11", a, D.CommunityId, 80))).ExpectProblemAsync(409, "evaluation_window_not_open");
        await (await PostAsync(api, la, Body("2026-09", a, D.CommunityId, 80))).ExpectProblemAsync(409, "evaluation_window_closed");
        await (await PostAsync(api, la, Body("2026-Q3", a, D.CommunityId, 80))).ExpectProblemAsync(409, "evaluation_window_closed");
        await (await PostAsync(api, la, Body("2026", a, D.CommunityId, 80))).ExpectProblemAsync(409, "evaluation_window_not_open");

        Assert.Equal(before, await RowsAsync());
        var english = await (await api.SendAsync(HttpMethod.Post, "api/v1/evaluations", la, Body("2026-09", a, D.CommunityId, 80),
            new Dictionary<string, string> { ["Accept-Language"] = "en" })).ExpectProblemAsync(409, "evaluation_window_closed");
        Assert.Equal("Evaluations of 2026-09 closed at 2026-10-16 00:00 (China Standard Time).", english.Str("detail"));
    }

    [Fact]
    public async Task A_month_takes_evaluations_from_its_end_to_its_close_at_midnight_in_China()
    {
        const string August = "2026-08";
        var (s, u0, lu0) = (D.StreetId, D.UnitId, D.Liaison);

        await (await PostAsync(slice.At(China(2026, 8, 31, 23, 59, 59)), lu0, Body(August, u0, s, 90)))
            .ExpectProblemAsync(409, "evaluation_window_not_open");
        var first = await EvaluateAsync(slice.At(China(2026, 9, 1)), lu0, August, u0, s, 90);
        Assert.Equal((August, u0, "unit", s, "street", 90), (first.Str("period"), first.Str("evaluatorOrgId"), first.Str("evaluatorKind"),
            first.Str("subjectOrgId"), first.Str("subjectKind"), first["score"]!.GetValue<int>()));
        Assert.Equal(China(2026, 9, 1), first["submittedAt"]!.GetValue<DateTimeOffset>());

        var lastTick = slice.At(China(2026, 9, 15, 23, 59, 59));
        await EvaluateAsync(lastTick, _s.Liaison("A"), August, _s.A, s, 70);
        Assert.Equal("windowOpen", (await ReceivedAsync(lastTick, D.StreetAdmin, s, August)).Str("state"));

        var closed = slice.At(China(2026, 9, 16));
        await (await PostAsync(closed, _s.Liaison("B"), Body(August, _s.B, s, 80))).ExpectProblemAsync(409, "evaluation_window_closed");
        var received = await ReceivedAsync(closed, D.StreetAdmin, s, August);
        Assert.Equal(("notEnoughEvaluations", China(2026, 9, 1), China(2026, 9, 16)),
            (received.Str("state"), received["windowOpensAt"]!.GetValue<DateTimeOffset>(),
                received["windowClosesAt"]!.GetValue<DateTimeOffset>()));
        Assert.Null(received["evaluators"]);
        Assert.Null(received["mean"]);
    }

    [Fact]
    public async Task Twenty_identical_evaluations_at_once_write_one_and_the_rest_are_409()
    {
        var api = slice.At(China(2026, 8, 5, 9));
        var lk = _s.Liaison("K");
        await api.TokenAsync(lk);
        var body = Body("2026-07", _s.K, D.CommunityId, 77);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(api, lk, body)));

        var statuses = answers.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal((1, 19), (statuses.Count(s => s == 201), statuses.Count(s => s == 409)));
        foreach (var conflict in answers.Where(r => (int)r.StatusCode == 409)) await conflict.ExpectProblemAsync(409, "evaluation_exists");
        await (await PostAsync(api, lk, body)).ExpectProblemAsync(409, "evaluation_exists");
        await (await PostAsync(api, lk, Body("2026-07", _s.K, D.CommunityId, 90, "改个分数"))).ExpectProblemAsync(409, "evaluation_exists");

        Assert.Single(await RowsAsync("eval|2026-07|"));
        Assert.Single(await RowsAsync("subject|2026-07|"));
        var about = await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?subjectOrgId={D.CommunityId}&period=2026-07",
            D.StreetAdmin)).ExpectAsync(200);
        Assert.Equal([77], about["items"]!.AsArray().Select(i => i!["score"]!.GetValue<int>()));
    }
}
