using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Demo;

/// <summary>
/// Two-way evaluation (双向约束) for the latest month whose evaluation window has closed by the load (<see cref="PeriodAt"/>:
/// October when loaded in late November, the month before it in the first half of a month). Every unit but every ninth evaluates
/// its street, and a unit of a community its community too; each volunteer team (given a liaison here) evaluates its community;
/// each street gives its opinion of its units but every fifth, each community of its units but every seventh and of its team.
/// All through <see cref="SubmitEvaluation"/> on a clock two days into the window, then the window closed by the timer's use case
/// an hour after its close, what it summed up delivered to the assessment at once (<see cref="DemoMessages"/>), so the rankings the
/// load runs next count it. An evaluation already there is left as it is, so a load that stopped half-way goes on.
/// </summary>
public sealed class DemoEvaluations(
    DemoPeople people,
    DemoMessages messages,
    EvaluationStore store,
    OrgStore orgs,
    UserStore users,
    IOptions<EvaluationOptions> options,
    ILoggerFactory loggers,
    TimeProvider loadClock)
{
    private static readonly string[] Upward =
        ["服务响应及时，共建活动组织有序", "需求对接顺畅，希望增加活动频次", "沟通协调到位，场地支持有力", "党建指导具体，联络渠道畅通"];

    private static readonly string[] Downward =
    [
        "积极参与社区共建，承诺事项按期兑现", "服务质量较好，群众反映良好", "参与度有待提高，建议加强与社区对接", "主动认领服务项目，志愿服务成效明显",
    ];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    /// <summary>The latest month whose window closed at least an hour before <paramref name="now"/>.</summary>
    public static Period PeriodAt(DateTimeOffset now, int windowDays)
    {
        for (var back = 1; ; back++)
        {
            Period.TryParse(ChinaTime.Month(ChinaTime.Of(now).AddMonths(-back)), out var month);
            if (EvaluationWindow.Of(month, windowDays).ClosesAt.AddHours(1) <= now) return month;
        }
    }

    /// <summary>Unit <paramref name="n"/> (0–45) as DemoDistrict hangs it: under a street, or every other one under a community.</summary>
    public static (string UnitId, string StreetId, string? CommunityId) UnitAt(int n) =>
        ($"org_demo-u{n + 1:00}", $"org_demo-s{(n % 3) + 1}", n % 2 == 0 ? null : $"org_demo-s{(n % 3) + 1}-c{(n / 3 % 4) + 1}");

    public static string TeamLiaisonOpenId(string teamId) => $"demo-liaison-{teamId[4..]}";

    /// <summary>The month the demo evaluates (<see cref="PeriodAt"/> the load).</summary>
    public Period Period => PeriodAt(loadClock.GetUtcNow(), options.Value.WindowDays);

    /// <summary>Writes and closes the period's evaluations; returns how many evaluations the period holds.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var period = Period;
        var window = EvaluationWindow.Of(period, options.Value.WindowDays);
        var submit = new SubmitEvaluation(store, orgs, options, _clock);
        var k = 0;
        var callers = new Dictionary<string, Caller>(StringComparer.Ordinal);
        async Task<Caller> As(string openId) =>
            callers.TryGetValue(openId, out var known) ? known : callers[openId] = await people.CallerAsync(openId, ct);
        async Task EvaluateAsync(Caller caller, string evaluator, string subject, int score, string opinion)
        {
            _clock.Now = window.OpensAt.AddDays(2).AddHours(9).AddMinutes(k++);
            try
            {
                await submit.HandleAsync(caller, new SubmitEvaluation.Request
                {
                    Period = period.Text, EvaluatorOrgId = evaluator, SubjectOrgId = subject, Score = score, Opinion = opinion,
                }, ct);
            }
            catch (ConflictException e) when (e.Code == "evaluation_exists")
            {
                // Written by a load that stopped half-way.
            }
        }

        for (var n = 0; n < 46; n++)
        {
            var (unit, street, community) = UnitAt(n);
            if (n % 9 == 8) continue;
            var liaison = await As(DemoPeople.LiaisonOpenId(unit));
            await EvaluateAsync(liaison, unit, street, 72 + (n * 13 % 27), Upward[n % Upward.Length]);
            if (community is not null) await EvaluateAsync(liaison, unit, community, 70 + (n * 7 % 29), Upward[(n + 1) % Upward.Length]);
        }
        for (var s = 1; s <= 3; s++)
        {
            for (var c = 1; c <= 4; c++)
            {
                var team = await TeamLiaisonAsync($"org_demo-s{s}-c{c}-vt", ct);
                await EvaluateAsync(team, $"org_demo-s{s}-c{c}-vt", $"org_demo-s{s}-c{c}", 75 + (((s * 5) + (c * 3)) % 22), Upward[c % 4]);
            }
        }
        for (var n = 0; n < 46; n++)
        {
            var (unit, street, community) = UnitAt(n);
            if (n % 5 != 4)
            {
                await EvaluateAsync(await As(DemoPeople.AdminOpenId(street)), street, unit, 66 + (n * 17 % 33), Downward[n % 4]);
            }
            if (community is not null && n % 7 != 6)
            {
                var admin = await As(DemoPeople.AdminOpenId(community));
                await EvaluateAsync(admin, community, unit, 68 + (n * 11 % 31), Downward[(n + 2) % 4]);
            }
        }
        for (var s = 1; s <= 3; s++)
        {
            for (var c = 1; c <= 4; c++)
            {
                var community = $"org_demo-s{s}-c{c}";
                var admin = await As(DemoPeople.AdminOpenId(community));
                await EvaluateAsync(admin, community, $"{community}-vt", 80 + ((s + c) * 3 % 17), Downward[3]);
            }
        }

        _clock.Now = window.ClosesAt.AddHours(1);
        var close = new CloseEvaluationWindows(store, options, _clock, loggers.CreateLogger<CloseEvaluationWindows>());
        foreach (var closed in await close.HandleAsync(DemoDistrict.DistrictId, ct)) await messages.DeliverAsync(closed, ct);
        return (await store.AllInPeriodAsync(DemoDistrict.DistrictId, period.Text, ct)).Count;
    }

    /// <summary>A liaison for a volunteer team (the demo's other people have none), as the API sees them.</summary>
    private async Task<Caller> TeamLiaisonAsync(string teamId, CancellationToken ct)
    {
        var team = await people.OrgAsync(teamId, ct);
        var openId = TeamLiaisonOpenId(teamId);
        var userId = UserIds.FromOpenId(openId);
        await users.EnsureAsync(userId, $"{team.Name}联络员", ct);
        await users.GrantAsync(userId, new RoleGrant(Role.Liaison, team.Id, team.Path), "demo", ct);
        return await people.CallerAsync(openId, ct);
    }
}
