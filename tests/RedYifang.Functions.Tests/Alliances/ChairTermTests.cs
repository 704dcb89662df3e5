using System.Globalization;
using System.Net;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>
/// Rotating chairs (轮值主席) over HTTP: a member unit's terms, never sharing a day — of twenty overlapping terms asked for at once,
/// one — listed as a history with the current one marked and shown on the alliance; a chairing unit does not leave.
/// </summary>
[Collection(Slices.Alliances)]
public sealed class ChairTermTests(AlliancesApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    private static DateOnly Today => ChinaTime.Today(DateTimeOffset.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Term(string unitId, DateOnly from, DateOnly to) => new { unitId, from = Day(from), to = Day(to) };

    [Fact]
    public async Task Terms_of_member_units_never_overlap_form_a_history_and_the_current_chair_shows_on_the_alliance()
    {
        var d = await slice.DistrictAsync("aln-chairs");
        var p = new AllianceParties(_app, d);
        var (street, admin, id, units) = await p.AllianceAsync("主席街道", 2);
        var (unitA, liaisonA) = units[0];
        var unitB = units[1].UnitId;
        var (invitedOnly, _) = await p.UnitAsync(street, "主席街道受邀单位");
        await (await p.InviteAsync(id, invitedOnly, admin)).ExpectAsync(201);
        var (past, current, next) = ((Today.AddDays(-200), Today.AddDays(-20)), (Today.AddDays(-19), Today.AddDays(30)),
            (Today.AddDays(31), Today.AddDays(200)));

        Task<HttpResponseMessage> Set(string asOpenId, string unitId, DateOnly from, DateOnly to) =>
            p.PostAsync(id, "chairs", asOpenId, Term(unitId, from, to));
        await (await Set(admin, invitedOnly, next.Item1, next.Item2)).ExpectProblemAsync(422, "invalid_reference");
        await (await Set(liaisonA, unitA, current.Item1, current.Item2)).ExpectProblemAsync(403, "forbidden");
        await (await Set(admin, unitA, current.Item2, current.Item1)).ExpectProblemAsync(400, "validation_failed");
        var made = await (await Set(admin, unitA, current.Item1, current.Item2)).ExpectAsync(201);
        Assert.Equal((unitA, Day(current.Item1), true), (made.Str("unitId"), made.Str("from"), made["current"]!.GetValue<bool>()));
        await (await Set(admin, unitB, current.Item2, next.Item2)).ExpectProblemAsync(409, "chair_term_overlaps");
        await (await Set(admin, unitB, past.Item1, current.Item1)).ExpectProblemAsync(409, "chair_term_overlaps");
        await (await Set(admin, unitB, next.Item1, next.Item2)).ExpectAsync(201);            // from the day after
        await (await Set(admin, unitB, past.Item1, past.Item2)).ExpectAsync(201);            // before: history

        var history = await p.ItemsAsync($"api/v1/alliances/{id}/chairs", liaisonA);
        Assert.Equal(
            [(unitB, Day(past.Item1), false), (unitA, Day(current.Item1), true), (unitB, Day(next.Item1), false)],
            history.Select(t => (t.Str("unitId"), t.Str("from"), t!["current"]!.GetValue<bool>())));
        var alliance = await (await p.GetAsync(id, liaisonA)).ExpectAsync(200);
        Assert.Equal((unitA, Day(current.Item2)), (alliance["currentChair"].Str("unitId"), alliance["currentChair"].Str("to")));

        // A unit chairing now, or later, stays a member.
        await (await p.PostAsync(id, $"members/{unitA}/leave", liaisonA)).ExpectProblemAsync(409, "alliance_chair_holder");
        await (await p.PostAsync(id, $"members/{unitB}/leave", units[1].Liaison)).ExpectProblemAsync(409, "alliance_chair_holder");
    }

    [Fact]
    public async Task Of_twenty_overlapping_terms_asked_for_at_once_all_having_read_the_terms_one_is_set_and_nineteen_are_409()
    {
        var d = await slice.DistrictAsync("aln-chairs");
        var p = new AllianceParties(_app, d);
        var (_, admin, id, units) = await p.AllianceAsync("主席竞争街道", 4);

        // Every request reads the alliance's terms before any of them writes (the worst interleaving, every time).
        slice.Barrier.Arm($"'chairs|{id}'", 20);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            // Every one overlaps every other: each starts before day 25 and ends after it.
            p.PostAsync(id, "chairs", admin, Term(units[i % units.Count].UnitId, Today.AddDays(5 + i), Today.AddDays(25 + i)))));
        var held = slice.Barrier.Disarm();

        Assert.Equal(20, held);
        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.Equal((1, 19), (statuses.Count(s => s == 201), statuses.Count(s => s == 409)));
        foreach (var lost in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await lost.ExpectProblemAsync(409, "chair_term_overlaps");
        }
        var kept = Assert.Single(await p.ItemsAsync($"api/v1/alliances/{id}/chairs", admin));
        var made = await answers.Single(a => a.StatusCode == HttpStatusCode.Created).ExpectAsync(201);
        Assert.Equal((made.Str("unitId"), made.Str("from")), (kept.Str("unitId"), kept.Str("from")));
    }
}
