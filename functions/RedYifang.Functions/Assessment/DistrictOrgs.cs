using System.Collections.Concurrent;
using Azure.Data.Tables;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Every organisation of a district, as <see cref="OrgStore.InDistrictAsync"/> reads it, kept between ranking runs. A run
/// first asks which of the district's <c>org|</c> rows were written since the previous run's check (row keys and
/// timestamps only, from <see cref="Margin"/> before it); when that shows nothing new, it uses the list it has, else it
/// reads the list again. A district's tree is read far more often than it is written, so nearly every run saves reading it.
/// </summary>
/// <remarks>
/// The check goes by the rows' <c>Timestamp</c>, which the table service sets on every write, and by the service's own
/// clock (the response's <c>Date</c>), never this process's. A write can become visible a little after its timestamp
/// (Azurite stamps a write when its request arrives): the margin covers a write that took up to 10 s, and the whole list
/// is read again once it is <see cref="Refresh"/> old, so a write that took longer still shows within that. A write
/// awaited before a run starts always shows in that run. Organisations are only ever added (<see cref="OrgStore"/>
/// updates and deletes none); a changed row would show too, by its timestamp.
/// </remarks>
public sealed class DistrictOrgs(OrgStore orgs, Platform.Storage.Tables tables)
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Kept> _known = new(StringComparer.Ordinal);

    /// <param name="Stamps">Each row key's timestamp when <see cref="Members"/> was read.</param>
    /// <param name="ReadAt">The service's time when they were read.</param>
    /// <param name="CheckedAt">The service's time at the latest check that found nothing new.</param>
    private sealed record Kept(
        IReadOnlyList<Org> Members,
        IReadOnlyDictionary<string, DateTimeOffset?> Stamps,
        DateTimeOffset ReadAt,
        DateTimeOffset CheckedAt);

    public async Task<IReadOnlyList<Org>> InDistrictAsync(string districtId, CancellationToken ct)
    {
        var table = await tables.GetAsync(OrgStore.TableName, ct);
        if (_known.TryGetValue(districtId, out var kept))
        {
            var (written, checkedAt) = await StampsAsync(table, districtId, kept.CheckedAt - Margin, ct);
            if (checkedAt is { } at && at - kept.ReadAt < Refresh
                && written.All(w => kept.Stamps.TryGetValue(w.Key, out var stamp) && stamp == w.Value))
            {
                _known.TryUpdate(districtId, kept with { CheckedAt = at }, kept);
                return kept.Members;
            }
        }
        // The stamps first: a row written between the two reads is then newer than its stamp (or has none) and is read again
        // by the next run, never missed.
        var (stamps, readAt) = await StampsAsync(table, districtId, null, ct);
        var members = await orgs.InDistrictAsync(districtId, ct);
        if (readAt is { } time) _known[districtId] = new Kept(members, stamps, time, time);
        return members;
    }

    /// <summary>The timestamps of the district's <c>org|</c> rows (those written since <paramref name="since"/>), and the
    /// service's time of the first response (null when it sent none).</summary>
    private static async Task<(Dictionary<string, DateTimeOffset?> Stamps, DateTimeOffset? At)> StampsAsync(
        TableClient table,
        string districtId,
        DateTimeOffset? since,
        CancellationToken ct)
    {
        // The organisation rows of OrgStore: org|{id} in the district's tree partition.
        var range = TableClient.CreateQueryFilter(
            $"PartitionKey eq {OrgStore.TreeOf(districtId)} and RowKey gt {"org|"} and RowKey lt {"org}"}");
        var filter = since is { } s ? $"{range} and {TableClient.CreateQueryFilter($"Timestamp ge {s}")}" : range;
        var stamps = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        (DateTimeOffset? Time, bool Known) at = (null, false);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Timestamp"], cancellationToken: ct).AsPages())
        {
            if (!at.Known) at = (page.GetRawResponse().Headers.Date, true);
            foreach (var row in page.Values) stamps[row.RowKey] = row.Timestamp;
        }
        return (stamps, at.Time);
    }
}
