using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// The parts a new version stops naming (<see cref="RankingStore"/>): a reader who read the previous meta row reads that
/// version whole for <see cref="RankingStore.RetiredFor"/> after it was replaced; the first publish after that deletes
/// them, and the partition then holds exactly what the meta rows name or keep as retired. Runs on a fake clock.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class RetiredRankingRowsTests(SliceApp slice)
{
    private readonly AppUnderTest _app = slice.App;

    [Fact]
    public async Task Replaced_parts_stay_readable_until_they_have_been_retired_long_enough_then_are_deleted()
    {
        var d = await slice.DistrictAsync("retired");
        var orgs = _app.Services.GetRequiredService<OrgStore>();
        var facts = _app.Services.GetRequiredService<FactStore>();
        var rankings = _app.Services.GetRequiredService<RankingStore>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var runs = ActivatorUtilities.CreateInstance<AssessmentRuns>(_app.Services, (TimeProvider)clock);
        Period.TryParse($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}-09", out var period);   // provisional
        var units = Enumerable.Range(0, 12).Select(i => new Org
        {
            Id = $"org_ret{i:D3}", Kind = OrgKind.Unit, ParentId = d.StreetId, Name = d.Named($"单位{i}"),
            UnitKind = UnitKind.NonPublicEnterprise, Path = [d.DistrictId, d.StreetId, $"org_ret{i:D3}"],
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        foreach (var u in units) await orgs.AddAsync(u, "test");
        var order = 0;
        async Task<RankingMeta> RunAfterAsync(TimeSpan later, string org)
        {
            clock.Advance(later);
            await facts.RecordAsync(new Fact($"ret{++order}|accepted|{org}", org, FactKind.Accepted, period.Start.AddDays(1),
                $"ret{order}", true, 1 + order, 2, DistrictId: d.DistrictId));
            return (await runs.RunAsync(d.DistrictId, period, CancellationToken.None))!;
        }
        async Task<string> ReadAsync(RankingMeta meta) => JsonSerializer.Serialize(new
        {
            lists = await rankings.GroupsAsync(meta, null),
            breakdowns = await Task.WhenAll(units.Select(u => rankings.OrgAsync(meta, u.Id, PeerGroup.NonPublicEnterprise))),
        }, Json.Options);
        var scope = new RankingScope(d.DistrictId, null);
        var table = _app.Table(RankingStore.TableName);
        async Task<List<string>> PartRowsAsync() => await table
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {scope.Partition(period.Text)}"), select: ["RowKey"])
            .Where(r => r.RowKey.StartsWith(scope.RowKey(""), StringComparison.Ordinal)).Select(r => r.RowKey).Order(StringComparer.Ordinal)
            .ToListAsync();

        var v1 = await RunAfterAsync(TimeSpan.Zero, units[0].Id);
        var v1Read = await ReadAsync(v1);
        var v2 = await RunAfterAsync(TimeSpan.FromMinutes(1), units[5].Id);
        var gone = v1.Rows.Except(v2.Rows).ToList();
        Assert.NotEmpty(gone);
        Assert.Equal(gone, v2.Retired.Select(r => r.Key));
        var v2Read = await ReadAsync(v2);
        var v3 = await RunAfterAsync(RankingStore.RetiredFor - TimeSpan.FromMinutes(2), units[9].Id);
        Assert.Equal(v1Read, await ReadAsync(v1));                     // replaced twice, retired for less than RetiredFor
        Assert.Subset(v3.Retired.Select(r => r.Key).ToHashSet(), gone.Except(v3.Rows).ToHashSet());

        var v4 = await RunAfterAsync(TimeSpan.FromMinutes(2), units[2].Id);   // v1's replaced parts retired for RetiredFor now
        var deleted = gone.Except(v4.Rows).ToList();
        Assert.NotEmpty(deleted);
        var rows = await PartRowsAsync();
        Assert.All(deleted, key => Assert.DoesNotContain(scope.RowKey(key), rows));
        Assert.Equal(v4.Rows.Concat(v4.Retired.Select(r => r.Key)).Select(scope.RowKey).Order(StringComparer.Ordinal), rows);
        Assert.DoesNotContain(v4.Retired, r => deleted.Contains(r.Key));
        Assert.Equal(v2Read, await ReadAsync(v2));                     // replaced 2 minutes ago: still whole
        Assert.Equal(v4.Version, (await rankings.MetaAsync(scope, period.Text))!.Value.Meta.Version);
    }
}
