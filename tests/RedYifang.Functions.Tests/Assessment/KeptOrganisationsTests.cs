using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// The district's organisations a run keeps between runs (<see cref="DistrictOrgs"/>): an organisation added between two
/// runs — through the API, or by another instance's <see cref="OrgStore"/> whose write this process never saw — is in the
/// next run's rankings, the district's and its street's, even when no fact changed; and the district's change marker moves
/// with each change and with nothing else.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class KeptOrganisationsTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    [Fact]
    public async Task An_organisation_added_between_two_runs_is_in_the_next_runs_rankings()
    {
        var d = await slice.DistrictAsync("kept");
        var orgs = _app.Services.GetRequiredService<OrgStore>();
        var runs = _app.Services.GetRequiredService<AssessmentRuns>();
        var rankings = _app.Services.GetRequiredService<RankingStore>();
        var facts = _app.Services.GetRequiredService<FactStore>();
        Period.TryParse($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}-10", out var period);   // provisional
        await facts.RecordAsync(new Fact("kept1|accepted", d.UnitId, FactKind.Accepted, period.Start.AddDays(1), "kept1", true, 2, 3,
            DistrictId: d.DistrictId));
        async Task<(List<string> District, List<string> Street)> RankedAfterRunAsync()
        {
            var meta = (await runs.RunAsync(d.DistrictId, period, CancellationToken.None))!;
            var street = (await rankings.MetaAsync(new RankingScope(d.DistrictId, d.StreetId), period.Text))!.Value.Meta;
            return ((await rankings.GroupsAsync(meta, null)).ConvertAll(r => r.OrgId),
                (await rankings.GroupsAsync(street, null)).ConvertAll(r => r.OrgId));
        }

        var first = await RankedAfterRunAsync();
        Assert.Contains(d.UnitId, first.District);
        Assert.Equal(await orgs.ChangeMarkerAsync(d.DistrictId), await orgs.ChangeMarkerAsync(d.DistrictId));

        var marker = await orgs.ChangeMarkerAsync(d.DistrictId);
        var added = await d.OrgAsync(_app, "unit", d.StreetId, "后加的企业", "nonPublicEnterprise");
        Assert.NotEqual(marker, await orgs.ChangeMarkerAsync(d.DistrictId));
        var second = await RankedAfterRunAsync();
        Assert.Equal(first.District.Count + 1, second.District.Count);
        Assert.Contains(added, second.District);
        Assert.Contains(added, second.Street);

        // Another instance adds one (its own OrgStore, over the same storage): this process's kept list knows nothing of it.
        var elsewhere = ActivatorUtilities.CreateInstance<OrgStore>(_app.Services);
        var id = $"org_kept{Guid.NewGuid():N}"[..20];
        await elsewhere.AddAsync(new Org
        {
            Id = id, Kind = OrgKind.Unit, ParentId = d.StreetId, Name = d.Named("别处加的企业"), UnitKind = UnitKind.NonPublicEnterprise,
            Path = [d.DistrictId, d.StreetId, id], CreatedAt = DateTimeOffset.UtcNow,
        }, "test");
        var third = await RankedAfterRunAsync();
        Assert.Contains(id, third.District);
        Assert.Contains(id, third.Street);
        Assert.Equal(second.District.Count + 1, third.District.Count);
    }
}
