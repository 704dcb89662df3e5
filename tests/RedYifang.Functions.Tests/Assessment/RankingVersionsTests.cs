using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// Versions written over one another (<see cref="RankingStore"/>): in a district whose peer groups span several list
/// chunks and buckets, a new fact rewrites only its peer group's rows, and what the new version reads — every list and
/// every breakdown — equals what the same ranking written from nothing reads.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class RankingVersionsTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    [Fact]
    public async Task A_new_fact_rewrites_only_its_peer_groups_rows_and_reads_as_a_version_written_from_nothing()
    {
        var d = await slice.DistrictAsync("versions");
        var orgs = _app.Services.GetRequiredService<OrgStore>();
        var facts = _app.Services.GetRequiredService<FactStore>();
        var runs = _app.Services.GetRequiredService<AssessmentRuns>();
        var rankings = _app.Services.GetRequiredService<RankingStore>();
        Period.TryParse($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}-08", out var period);   // provisional
        // 160 non-public enterprises (with the district's own: two list chunks, three buckets) and 70 social organisations
        // (one chunk, two buckets).
        var units = Enumerable.Range(0, 230).Select(i => new Org
        {
            Id = $"org_ver{i:D4}", Kind = OrgKind.Unit, ParentId = d.StreetId, Name = d.Named($"单位{i}"),
            UnitKind = i < 160 ? UnitKind.NonPublicEnterprise : UnitKind.SocialOrganization,
            Path = [d.DistrictId, d.StreetId, $"org_ver{i:D4}"], CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, ct) =>
        {
            await orgs.AddAsync(u, "test", ct);
            await facts.RecordAsync(Accepted(u.Id, $"{u.Id}-1", 1 + (u.Id.GetHashCode(StringComparison.Ordinal) & 15)), ct);
        });
        Fact Accepted(string org, string order, decimal hours) =>
            new($"{order}|accepted|{org}", org, FactKind.Accepted, period.Start.AddDays(1), order, true, hours, 2,
                DistrictId: d.DistrictId);
        var scope = new RankingScope(d.DistrictId, null);
        var partition = scope.Partition(period.Text);
        var table = _app.Table(RankingStore.TableName);
        async Task<Dictionary<string, DateTimeOffset?>> StampsAsync() =>
            await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))
                .ToDictionaryAsync(r => r.RowKey, r => r.Timestamp);

        await runs.RunAsync(d.DistrictId, period, CancellationToken.None);
        var first = (await rankings.MetaAsync(scope, period.Text))!.Value.Meta;
        var stampsBefore = await StampsAsync();
        await facts.RecordAsync(Accepted(units[3].Id, "ver-late", 40));
        await runs.RunAsync(d.DistrictId, period, CancellationToken.None);
        var second = (await rankings.MetaAsync(scope, period.Text))!.Value.Meta;
        var stampsAfter = await StampsAsync();

        List<string> Of(RankingMeta meta, string prefix) =>
            [.. meta.Rows.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        Assert.Equal((2, 3, 1, 2), (Of(second, "g|nonPublicEnterprise|").Count, Of(second, "b|nonPublicEnterprise|").Count,
            Of(second, "g|socialOrganization|").Count, Of(second, "b|socialOrganization|").Count));
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(Of(first, "g|socialOrganization|").Concat(Of(first, "b|socialOrganization|")),
            Of(second, "g|socialOrganization|").Concat(Of(second, "b|socialOrganization|")));
        Assert.All(Of(second, "g|socialOrganization|").Concat(Of(second, "b|socialOrganization|")),
            key => Assert.Equal(stampsBefore[scope.RowKey(key)], stampsAfter[scope.RowKey(key)]));               // not written again
        Assert.NotEqual(stampsBefore[scope.MetaKey], stampsAfter[scope.MetaKey]);
        var written = await ReadAsync(second);

        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        await runs.RunAsync(d.DistrictId, period, CancellationToken.None);
        var fresh = (await rankings.MetaAsync(scope, period.Text))!.Value.Meta;
        Assert.Equal(second.Version, fresh.Version);
        Assert.Equal(second.Rows, fresh.Rows);
        Assert.Equal(written, await ReadAsync(fresh));

        async Task<string> ReadAsync(RankingMeta meta)
        {
            var lists = await rankings.GroupsAsync(meta, null);
            var breakdowns = await Task.WhenAll(units.Select(u => rankings.OrgAsync(meta, u.Id, Catalogue.GroupOf(u)!.Value)));
            Assert.Equal(232, lists.Count);                          // with the district's own unit and community
            Assert.All(breakdowns, b => Assert.NotEmpty(Assert.IsType<Ranked>(b).Indicators));
            return JsonSerializer.Serialize(new { lists, breakdowns }, Json.Options);
        }
    }
}
