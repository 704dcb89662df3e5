using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// The peer groups a run keeps between runs (<see cref="ScoredGroups"/>): after each change — a new fact, new weights for
/// one peer group, a new member — the run's versions of every scope (the district's and its street's) are those a run
/// that kept nothing scores, so a group is scored again whenever any of its inputs changed; and a group whose inputs did not
/// change keeps its parts.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class ScoredGroupsTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    [Fact]
    public async Task Each_change_to_a_peer_groups_inputs_rescores_it_and_the_versions_equal_those_scored_from_nothing()
    {
        var d = await slice.DistrictAsync("scored");
        var orgs = _app.Services.GetRequiredService<OrgStore>();
        var facts = _app.Services.GetRequiredService<FactStore>();
        var rankings = _app.Services.GetRequiredService<RankingStore>();
        var runs = _app.Services.GetRequiredService<AssessmentRuns>();
        Period.TryParse($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}-11", out var period);   // provisional
        Org Unit(string id, UnitKind kind) => new()
        {
            Id = id, Kind = OrgKind.Unit, ParentId = d.StreetId, Name = d.Named(id), UnitKind = kind, Path = [d.DistrictId, d.StreetId, id],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var enterprises = Enumerable.Range(0, 6).Select(i => Unit($"org_sce{i}", UnitKind.NonPublicEnterprise)).ToList();
        var societies = Enumerable.Range(0, 6).Select(i => Unit($"org_scs{i}", UnitKind.SocialOrganization)).ToList();
        var order = 0;
        Task FactAsync(string org, decimal hours, int beneficiaries) => facts.RecordAsync(new Fact($"sc{++order}|accepted", org,
            FactKind.Accepted, period.Start.AddDays(1), $"sc{order}", true, hours, beneficiaries, DistrictId: d.DistrictId));
        foreach (var (u, i) in enterprises.Concat(societies).Select((u, i) => (u, i)))
        {
            await orgs.AddAsync(u, "test");
            await FactAsync(u.Id, 1 + i, 20 - i);
        }
        async Task<Dictionary<string, string>> VersionsAsync() =>
            (await rankings.DistrictAsync(d.DistrictId, period.Text)).Metas.ToDictionary(m => m.Key, m => m.Value.Meta.Version);
        // A run that keeps nothing between runs scores every group: when its versions equal those published, it writes nothing.
        async Task<Dictionary<string, string>> RunAndCheckAsync()
        {
            await runs.RunAsync(d.DistrictId, period, CancellationToken.None);
            var versions = await VersionsAsync();
            var fromNothing = ActivatorUtilities.CreateInstance<AssessmentRuns>(_app.Services, new ScoredGroups());
            await fromNothing.RunAsync(d.DistrictId, period, CancellationToken.None);
            Assert.Equal(versions, await VersionsAsync());
            Assert.Equal(new[] { d.DistrictId, d.StreetId }.Order(StringComparer.Ordinal), versions.Keys.Order(StringComparer.Ordinal));
            return versions;
        }
        List<string> SocietyParts(RankingMeta meta) =>
            [.. meta.Rows.Where(k => k.Contains("|socialOrganization|", StringComparison.Ordinal))];
        async Task<RankingMeta> DistrictMetaAsync() =>
            (await rankings.MetaAsync(new RankingScope(d.DistrictId, null), period.Text))!.Value.Meta;

        var first = await RunAndCheckAsync();
        var before = await DistrictMetaAsync();

        await FactAsync(enterprises[2].Id, 30, 1);                           // a new fact: the enterprises' group changes
        var second = await RunAndCheckAsync();
        Assert.NotEqual(first[d.DistrictId], second[d.DistrictId]);
        Assert.Equal(SocietyParts(before), SocietyParts(await DistrictMetaAsync()));   // the societies' group kept its parts

        var weights = await _app.SendAsync(HttpMethod.Put, $"api/v1/districts/{d.DistrictId}/assessment/indicators/{period.Text}",
            d.DistrictAdmin, new { peerGroups = new { socialOrganization = new[]
            {
                new { indicator = "beneficiaries", weight = 1.0, direction = "higher" },
            } } });
        await weights.ExpectAsync(200);                                      // new weights for the societies only
        var third = await RunAndCheckAsync();
        Assert.NotEqual(second[d.DistrictId], third[d.DistrictId]);
        Assert.NotEqual(SocietyParts(before), SocietyParts(await DistrictMetaAsync()));

        await orgs.AddAsync(Unit("org_scs9", UnitKind.SocialOrganization), "test");   // a new member, with no facts
        var fourth = await RunAndCheckAsync();
        Assert.NotEqual(third[d.DistrictId], fourth[d.DistrictId]);
    }
}
