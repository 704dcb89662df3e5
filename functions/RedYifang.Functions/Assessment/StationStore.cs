using Azure.Data.Tables;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Table <c>AssessmentStations</c>, one partition per district: a <c>station|{siteId}</c> row per registered service station
/// (the owner's path, when it was registered), upserted by the <c>assessment-stations</c> consumer — a message delivered twice
/// writes the same row. The statistics read the district's partition: tens of rows.
/// </summary>
public sealed class StationStore(Tables tables)
{
    public const string TableName = "AssessmentStations";

    public async Task RecordAsync(StationRegistered station, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = JsonRows.Create(station.DistrictId, $"station|{station.SiteId}", station);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// How many stations of organisations within the scope (on whose path it is) were registered before <paramref name="end"/>.
    /// </summary>
    public async Task<int> CountAsync(string districtId, string scopeOrgId, DateTimeOffset end, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {"station|"} and RowKey lt {"station}"}");
        var count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var station = JsonRows.Read<StationRegistered>(e);
            if (station.At < end && station.OwnerPath.Contains(scopeOrgId)) count++;
        }
        return count;
    }
}
