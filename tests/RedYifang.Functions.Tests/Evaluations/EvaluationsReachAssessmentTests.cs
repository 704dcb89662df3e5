using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Periods;
using static RedYifang.Functions.Tests.Evaluations.EvaluationsApp;
using static RedYifang.Functions.Tests.Evaluations.EvaluationScene;

namespace RedYifang.Functions.Tests.Evaluations;

/// <summary>
/// October 2026's evaluations in a district of their own, written on 3 November (China time) and read at instants around the
/// window's close on 16 November: what each side may see and when, the window summed up by the timer's use case, the facts and
/// the ranking breakdown it reaches (blind until the close, final after it), the integration events, and the year's awards list.
/// <code>
/// C  ← A 90, B 81, K 71   (three: a mean, 80.67)      C2 ← X2 75   (one)      S ← A 88, U0 92   (two)
/// S  → A 95, U0 90        C  → A 85, B 80             (the opinions from above that awards ask for)
/// </code>
/// </summary>
[Collection(Collection)]
public sealed class EvaluationsReachAssessmentTests(EvaluationsApp slice) : IAsyncLifetime
{
    private const string October = "2026-10";
    private static readonly DateTimeOffset Written = China(2026, 11, 3, 10);
    private static readonly DateTimeOffset Open = China(2026, 11, 10, 2);
    private static readonly DateTimeOffset Summed = China(2026, 11, 16, 0, 10);
    private static readonly DateTimeOffset NightRun = China(2026, 11, 16, 2);

    private Scene _s = null!;

    /// <summary>The district, what was read while the window was open, and what the close summed up.</summary>
    private sealed record Scene(
        EvaluationScene E,
        string WhileOpenBreakdown,
        JsonObject WhileOpenAwards,
        List<Fact> FactsWhileOpen,
        IReadOnlyList<EvaluationEvent.WindowClosed> Closed,
        IReadOnlyList<EvaluationEvent.WindowClosed> ClosedAgain);

    private T Service<T>() where T : notnull => slice.App.Services.GetRequiredService<T>();

    public async Task InitializeAsync() => _s = await slice.OnceAsync("eval-reach", async () =>
    {
        var setup = slice.At(China(2026, 10, 20, 9));
        var e = await CreateAsync(setup, await TestDistrict.CreateAsync(setup, AppUnderTest.BootstrapAdmin, "eval-reach"));
        var d = e.D;
        var facts = Service<FactStore>();
        // Co-building participation in 2026 (what Assessment already counts): A, B and U0 each held a closed activity.
        foreach (var unit in new[] { e.A, e.B, d.UnitId })
        {
            await facts.RecordAsync(new Fact($"act_{unit[4..]}|closed", unit, FactKind.ActivityClosed, China(2026, 6, 10, 10), null,
                EvidenceVerified: true, DistrictId: d.DistrictId, ActivityId: $"act_{unit[4..]}"));
        }

        var api = slice.At(Written);
        await EvaluateAsync(api, e.Liaison("A"), October, e.A, d.CommunityId, 90);
        await EvaluateAsync(api, e.Liaison("B"), October, e.B, d.CommunityId, 81);
        await EvaluateAsync(api, e.Liaison("K"), October, e.K, d.CommunityId, 71);
        await EvaluateAsync(api, e.Liaison("X2"), October, e.X2, e.C2, 75);
        await EvaluateAsync(api, e.Liaison("A"), October, e.A, d.StreetId, 88);
        await EvaluateAsync(api, d.Liaison, October, d.UnitId, d.StreetId, 92);
        await EvaluateAsync(api, d.StreetAdmin, October, d.StreetId, e.A, 95);
        await EvaluateAsync(api, d.StreetAdmin, October, d.StreetId, d.UnitId, 90);
        await EvaluateAsync(api, d.CommunityAdmin, October, d.CommunityId, e.A, 85);
        await EvaluateAsync(api, d.CommunityAdmin, October, d.CommunityId, e.B, 80);

        // While the window is open: the nightly run, the breakdown, the awards list, the community's facts.
        var open = slice.At(Open);
        Assert.Empty(await Service<CloseEvaluationWindows>().HandleAsync(d.DistrictId, CancellationToken.None));
        await Service<AssessmentRuns>().RunAsync(d.DistrictId, P(October), CancellationToken.None);
        var breakdown = await (await open.Http.GetAsync($"api/v1/rankings/{October}/orgs/{d.CommunityId}")).Content.ReadAsStringAsync();
        var awards = await AwardsAsync(open, d.StreetAdmin, $"streetId={d.StreetId}");
        var factsWhileOpen = await facts.FactsAsync(P(October), d.DistrictId, d.CommunityId);

        // The timer's use case just after midnight on the 16th; the facts arrive through the queue; the night run at 02:00.
        slice.At(Summed);
        var closed = await Service<CloseEvaluationWindows>().HandleAsync(d.DistrictId, CancellationToken.None);
        var again = await Service<CloseEvaluationWindows>().HandleAsync(d.DistrictId, CancellationToken.None);
        await Eventually.WaitAsync(async () =>
            (await facts.FactsAsync(P(October), d.DistrictId, e.A)).Any(f => f.Kind == FactKind.EvaluationsReceived)
            && (await facts.FactsAsync(P(October), d.DistrictId, d.CommunityId)).Any(f => f.Kind == FactKind.EvaluationsReceived),
            TimeSpan.FromSeconds(30));
        slice.At(NightRun);
        await Service<AssessmentRuns>().RunAsync(d.DistrictId, P(October), CancellationToken.None);
        return new Scene(e, breakdown, awards, factsWhileOpen, closed, again);
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private TestDistrict D => _s.E.D;

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static async Task<JsonObject> AwardsAsync(ApiClient api, string asOpenId, string scope, int status = 200) =>
        await (await api.SendAsync(HttpMethod.Get, $"api/v1/awards/eligibility?year=2026&{scope}", asOpenId)).ExpectAsync(status);

    private static async Task<List<int>> ScoresAsync(ApiClient api, string asOpenId, string query) =>
        [.. (await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?{query}&period={October}", asOpenId)).ExpectAsync(200))
            ["items"]!.AsArray().Select(i => i!["score"]!.GetValue<int>()).Order()];

    private static (double Raw, string? Note) EvaluationsReceived(JsonNode breakdown)
    {
        var indicator = breakdown["item"]!["indicators"]!.AsArray().Single(i => i.Str("indicator") == "evaluationsReceived")!;
        return (indicator["raw"]!.GetValue<double>(), indicator["note"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_evaluated_see_a_count_and_mean_only_after_the_close_and_only_from_three_evaluators()
    {
        var (e, d) = (_s.E, D);
        var before = slice.At(China(2026, 10, 31, 23));
        Assert.Equal("windowNotOpen", (await ReceivedAsync(before, d.CommunityAdmin, d.CommunityId, October)).Str("state"));
        var open = slice.At(China(2026, 11, 15, 23, 59, 59));
        var whileOpen = await ReceivedAsync(open, d.CommunityAdmin, d.CommunityId, October);
        Assert.Equal(("windowOpen", (JsonNode?)null, (JsonNode?)null),
            (whileOpen.Str("state"), whileOpen["evaluators"], whileOpen["mean"]));

        var after = slice.At(China(2026, 11, 20, 9));
        var community = await ReceivedAsync(after, d.CommunityAdmin, d.CommunityId, October);
        Assert.Equal(("available", 3, 80.67m, 3), (community.Str("state"), community["evaluators"]!.GetValue<int>(),
            community["mean"]!.GetValue<decimal>(), community["minimumEvaluators"]!.GetValue<int>()));
        Assert.Contains("\"mean\":80.67", community.ToJsonString(), StringComparison.Ordinal);
        foreach (var (who, org) in new[] { (d.StreetAdmin, d.StreetId), (d.StreetAdmin, e.C2), (e.Liaison("A"), e.A) })
        {
            var few = await ReceivedAsync(after, who, org, October);
            Assert.Equal(("notEnoughEvaluations", (JsonNode?)null, (JsonNode?)null), (few.Str("state"), few["evaluators"], few["mean"]));
        }
        await (await after.SendAsync(HttpMethod.Get, $"api/v1/evaluations/received?orgId={d.CommunityId}&period={October}",
            e.Liaison("A"))).ExpectProblemAsync(403, "forbidden");
        await (await after.SendAsync(HttpMethod.Get, $"api/v1/evaluations/received?orgId={d.CommunityId}&period=2026-13",
            d.CommunityAdmin)).ExpectProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Only_admins_above_an_organisation_read_its_entries_and_an_evaluator_reads_what_it_gave()
    {
        var (e, d) = (_s.E, D);
        var api = slice.At(China(2026, 11, 20, 9));

        await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?subjectOrgId={d.CommunityId}&period={October}", d.CommunityAdmin))
            .ExpectProblemAsync(403, "forbidden");
        Assert.Equal([71, 81, 90], await ScoresAsync(api, d.StreetAdmin, $"subjectOrgId={d.CommunityId}"));
        Assert.Equal([71, 81, 90], await ScoresAsync(api, d.DistrictAdmin, $"subjectOrgId={d.CommunityId}"));
        await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?subjectOrgId={d.StreetId}&period={October}", d.StreetAdmin))
            .ExpectProblemAsync(403, "forbidden");
        Assert.Equal([88, 92], await ScoresAsync(api, d.DistrictAdmin, $"subjectOrgId={d.StreetId}"));
        Assert.Equal([85, 95], await ScoresAsync(api, d.CommunityAdmin, $"subjectOrgId={e.A}"));     // A is within C
        await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?subjectOrgId={e.A}&period={October}", e.Liaison("A")))
            .ExpectProblemAsync(403, "forbidden");

        Assert.Equal([88, 90], await ScoresAsync(api, e.Liaison("A"), $"evaluatorOrgId={e.A}"));
        // The community's admin acts for A too, but A's evaluation of the community is not for its eyes.
        Assert.Equal([88], await ScoresAsync(api, d.CommunityAdmin, $"evaluatorOrgId={e.A}"));
        Assert.Equal([80, 85], await ScoresAsync(api, d.CommunityAdmin, $"evaluatorOrgId={d.CommunityId}"));
        await (await api.SendAsync(HttpMethod.Get, $"api/v1/evaluations?evaluatorOrgId={e.A}&period={October}", e.Liaison("B")))
            .ExpectProblemAsync(403, "forbidden");
        var both = await (await api.SendAsync(HttpMethod.Get,
            $"api/v1/evaluations?evaluatorOrgId={e.A}&subjectOrgId={d.CommunityId}&period={October}", d.DistrictAdmin))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["evaluatorOrgId"], both.Errors().Keys);
    }

    [Fact]
    public async Task The_closed_window_reaches_the_breakdown_only_after_the_close_and_the_ranking_is_final_then()
    {
        var (e, d) = (_s.E, D);
        // While open: nothing of the evaluations anywhere in the assessment.
        Assert.Equal((0.0, RankingMath.NoData), EvaluationsReceived(JsonNode.Parse(_s.WhileOpenBreakdown)!));
        Assert.False(JsonNode.Parse(_s.WhileOpenBreakdown)!["final"]!.GetValue<bool>());
        Assert.DoesNotContain(_s.FactsWhileOpen, f => f.Kind == FactKind.EvaluationsReceived);

        // Summed once: ten evaluations of six organisations, one with a mean.
        var closed = Assert.Single(_s.Closed);
        Assert.Equal((October, 10, 6, China(2026, 11, 16)), (closed.Period, closed.Evaluations, closed.Subjects.Count, closed.ClosesAt));
        Assert.Empty(_s.ClosedAgain);

        var api = slice.At(China(2026, 11, 20, 9));
        var breakdown = await (await api.Http.GetAsync($"api/v1/rankings/{October}/orgs/{d.CommunityId}")).ExpectAsync(200);
        Assert.Equal((80.67, (string?)null), EvaluationsReceived(breakdown));
        Assert.Equal((0.0, RankingMath.NoData),
            EvaluationsReceived(await (await api.Http.GetAsync($"api/v1/rankings/{October}/orgs/{e.C2}")).ExpectAsync(200)));
        var ranking = await (await api.Http.GetAsync($"api/v1/rankings/{October}?districtId={d.DistrictId}&peerGroup=community"))
            .ExpectAsync(200);
        Assert.True(ranking["final"]!.GetValue<bool>());
        Assert.Equal(China(2026, 11, 16), ranking["generatedAt"]!.GetValue<DateTimeOffset>());     // dated at the window's close

        // The facts behind it: the community's count and sum; the unit's opinions from above, without a count.
        var facts = await (await api.SendAsync(HttpMethod.Get, $"api/v1/rankings/{October}/orgs/{d.CommunityId}/facts", d.CommunityAdmin))
            .ExpectAsync(200);
        var received = facts["items"]!.AsArray().Single(f => f.Str("kind") == "evaluationsReceived")!["evaluations"]!;
        Assert.Equal((3, 242), (received["evaluators"]!.GetValue<int>(), received["scoreSum"]!.GetValue<int>()));
        var ofA = Service<FactStore>().FactsAsync(P(October), d.DistrictId, e.A);
        var share = (await ofA).Single(f => f.Kind == FactKind.EvaluationsReceived).Evaluations!;
        Assert.Equal(((int?)null, (int?)null), (share.Evaluators, share.ScoreSum));
        Assert.Equal(new[] { d.CommunityId, d.StreetId }.Order(StringComparer.Ordinal), share.OpinionsFrom);
    }

    [Fact]
    public async Task Each_evaluation_and_the_windows_close_are_published_without_scores_or_opinions()
    {
        var queue = new QueueClient(slice.Storage.ConnectionString, QueueEventPublisher.Queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var found = new List<JsonNode>();
        await Eventually.WaitAsync(async () =>
        {
            if (!await queue.ExistsAsync()) return false;
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                var published = JsonNode.Parse(message.Body.ToString())!;
                if (published["data"]?["districtId"]?.GetValue<string>() == D.DistrictId
                    && published.Str("type").StartsWith("evaluation.", StringComparison.Ordinal)) found.Add(published);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            return found.Count >= 11;
        }, TimeSpan.FromSeconds(30));

        Assert.Equal(new Dictionary<string, int> { ["evaluation.recorded"] = 10, ["evaluation.windowClosed"] = 1 },
            found.GroupBy(f => f.Str("type")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(found.Where(f => f.Str("type") == "evaluation.recorded"), f => Assert.Equal(
            ["districtId", "evaluationId", "evaluatorOrgId", "period", "subjectOrgId"],
            f["data"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
        var closed = found.Single(f => f.Str("type") == "evaluation.windowClosed")["data"]!;
        Assert.Equal((10, 6, 1), (closed["evaluations"]!.GetValue<int>(), closed["organisationsEvaluated"]!.GetValue<int>(),
            closed["withMean"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_awards_list_needs_participation_and_the_opinions_of_the_street_and_community_from_closed_windows()
    {
        var (e, d) = (_s.E, D);
        const string None = "noCoBuildingParticipation", NoStreet = "noStreetEvaluation", NoCommunity = "noCommunityEvaluation";
        static Dictionary<string, string> Reasons(JsonObject list) =>
            list["items"]!.AsArray().ToDictionary(i => i.Str("orgId"),
                i => string.Join(' ', i!["reasons"]!.AsArray().Select(r => r.Str("code"))));

        // While the window was open, no opinion counted yet.
        Assert.Equal(new Dictionary<string, string>
        {
            [d.UnitId] = NoStreet, [e.A] = $"{NoStreet} {NoCommunity}", [e.B] = $"{NoStreet} {NoCommunity}",
            [e.K] = $"{None} {NoStreet} {NoCommunity}", [e.T] = $"{None} {NoStreet} {NoCommunity}",
            [e.X2] = $"{None} {NoStreet} {NoCommunity}",
        }, Reasons(_s.WhileOpenAwards));

        var api = slice.At(China(2026, 11, 20, 9));
        var street = await AwardsAsync(api, d.StreetAdmin, $"streetId={d.StreetId}");
        Assert.Equal(new Dictionary<string, string>
        {
            [d.UnitId] = "", [e.A] = "", [e.B] = NoStreet, [e.K] = $"{None} {NoStreet} {NoCommunity}",
            [e.T] = $"{None} {NoStreet} {NoCommunity}", [e.X2] = $"{None} {NoStreet} {NoCommunity}",
        }, Reasons(street));
        var b = street["items"]!.AsArray().Single(i => i.Str("orgId") == e.B)!;
        Assert.Equal((false, true, d.CommunityId, "本年度无所在街道的评价意见"), (b["eligible"]!.GetValue<bool>(),
            b["participated"]!.GetValue<bool>(), b.Str("communityId"), b["reasons"]![0].Str("text")));
        Assert.Equal(["先进党组织", "文明单位"], street["awards"]!.AsArray().Select(a => a!.GetValue<string>()));

        var district = await AwardsAsync(api, d.DistrictAdmin, $"districtId={d.DistrictId}");
        Assert.Equal([.. Reasons(street).Keys.Append(e.Y).Order(StringComparer.Ordinal)],
            Reasons(district).Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{None} {NoStreet}", Reasons(district)[e.Y]);                     // Y hangs under street S2: no community
        await AwardsAsync(api, d.StreetAdmin, $"districtId={d.DistrictId}", 403);
        await AwardsAsync(api, d.CommunityAdmin, $"streetId={d.StreetId}", 403);
        await AwardsAsync(api, d.StreetAdmin, $"streetId={d.CommunityId}", 404);
        var bad = await (await api.SendAsync(HttpMethod.Get, $"api/v1/awards/eligibility?year=2026-10&streetId={d.StreetId}",
                d.StreetAdmin))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["year"], bad.Errors().Keys);
    }
}
