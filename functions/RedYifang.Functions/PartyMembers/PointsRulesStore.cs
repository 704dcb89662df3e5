using System.Globalization;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Table <c>PartyMemberPointRules</c>, one partition per district: <c>rules|{year}</c> — the year's current rules — and
/// <c>rules|{year}|v{version}</c> — every version ever set, written once (entries name the version that produced them, so a
/// version is never rewritten). A change adds the next version and replaces the current row on its ETag, in one transaction:
/// two changes at once both read version n, and only one writes n + 1 (the other is 409 <c>conflict</c>).
/// </summary>
public sealed class PointsRulesStore(Tables tables)
{
    public const string TableName = "PartyMemberPointRules";

    public async Task<(PointsRules Rules, Azure.ETag ETag)?> CurrentAsync(string districtId, int year, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(districtId, CurrentRow(year), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? (JsonRows.Read<PointsRules>(e), e.ETag) : null;
    }

    /// <summary>Writes <paramref name="next"/> as the year's current rules, replacing <paramref name="current"/> (read with its ETag).</summary>
    public async Task PutAsync(PointsRules next, Azure.ETag? current, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var now = JsonRows.Create(next.DistrictId, CurrentRow(next.Year), next);
        var version = JsonRows.Create(next.DistrictId, VersionRow(next.Year, next.Version), next);
        try
        {
            await table.SubmitTransactionAsync(
            [
                current is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, now, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, now),
                new TableTransactionAction(TableTransactionActionType.Add, version),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw Problems.Conflict();
        }
    }

    private static string CurrentRow(int year) => $"rules|{year.ToString(CultureInfo.InvariantCulture)}";

    private static string VersionRow(int year, int version) =>
        $"{CurrentRow(year)}|v{version.ToString("D6", CultureInfo.InvariantCulture)}";
}
