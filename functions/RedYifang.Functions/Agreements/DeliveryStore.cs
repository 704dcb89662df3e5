using System.Globalization;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Table <c>AgreementDeliveries</c>, one partition per district and unit (<c>{districtId}|{unitId}</c>): a row
/// <c>{category}|{day}|{source}|{id}</c> per delivery, the day in China Standard Time. A commitment's deliveries over a term
/// are one range of its unit's partition. Rows are keyed by what they record, so a message delivered twice writes one row.
/// Each write stages what its <see cref="DeliveryRecorded"/> event translates to in the same transaction (<c>outbox|…</c> rows of
/// the unit's partition), so the assessment hears of every delivery recorded.
/// </summary>
public sealed class DeliveryStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "AgreementDeliveries";

    public async Task RecordAsync(Delivery delivery, CancellationToken ct = default)
    {
        var partition = Partition(delivery.DistrictId, delivery.UnitId);
        var row = new TableEntity(partition, RowKey(delivery))
        {
            ["Source"] = EnumText.ToText(delivery.Source),
            ["SourceId"] = delivery.SourceId,
            ["At"] = delivery.At,
        };
        await CommitAsync(partition, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)],
            translators.Translate([new DeliveryRecorded(delivery)]), ct);
    }

    /// <summary>
    /// Money the unit gave towards an agreement: a row <c>money|{agreementId}|{movementId}</c> of the unit's partition, its amount
    /// in fen (negative for a reversal). Nothing is staged: the assessment hears of money given from the ledger itself.
    /// </summary>
    public async Task RecordFundsAsync(FundsDelivery funds, CancellationToken ct = default)
    {
        var partition = Partition(funds.DistrictId, funds.UnitId);
        if (!Keys.IsWellFormedId(funds.AgreementId) || !Keys.IsWellFormedId(funds.MovementId))
        {
            throw new ArgumentException($"Not ids: {funds.AgreementId}, {funds.MovementId}.", nameof(funds));
        }
        var row = new TableEntity(partition, MoneyPrefix(funds.AgreementId) + funds.MovementId)
        {
            ["MovementId"] = funds.MovementId,
            ["Fen"] = funds.Fen,
            ["At"] = funds.At,
        };
        await CommitAsync(partition, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)], [], ct);
    }

    /// <summary>The money the unit gave towards one of its agreements (one range of its partition), oldest first.</summary>
    public async Task<List<FundsRef>> ListFundsAsync(string districtId, string unitId, string agreementId, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = MoneyPrefix(agreementId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(districtId, unitId)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var found = new List<FundsRef>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["MovementId", "Fen", "At"], cancellationToken: ct))
        {
            found.Add(new FundsRef(row.GetString("MovementId"), row.GetInt64("Fen") ?? 0,
                row.GetDateTimeOffset("At") ?? throw new InvalidDataException($"Funds row {row.RowKey} has no At.")));
        }
        return found.OrderBy(f => f.At).ThenBy(f => f.MovementId, StringComparer.Ordinal).ToList();
    }

    // Categories are lower-case words without "money", so these rows never fall in a category's range of days.
    private static string MoneyPrefix(string agreementId) => $"money|{agreementId}|";

    /// <summary>A unit's deliveries in a category on the days from <paramref name="first"/> to <paramref name="last"/>, oldest first.</summary>
    public async Task<List<DeliveryRef>> ListAsync(string districtId, string unitId, Category category, DateOnly first, DateOnly last,
        CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = EnumText.ToText(category) + "|";
        var (partition, from, until) = (Partition(districtId, unitId), prefix + Day(first), prefix + Day(last.AddDays(1)));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {until}");
        var found = new List<DeliveryRef>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Source", "SourceId", "At"], cancellationToken: ct))
        {
            found.Add(new DeliveryRef(EnumText.Parse<DeliverySource>(row.GetString("Source")), row.GetString("SourceId"),
                row.GetDateTimeOffset("At") ?? throw new InvalidDataException($"Delivery {row.RowKey} has no At.")));
        }
        return found;
    }

    private static string Partition(string districtId, string unitId) =>
        Keys.IsWellFormedId(districtId) && Keys.IsWellFormedId(unitId)
            ? $"{districtId}|{unitId}"
            : throw new ArgumentException($"Not ids: {districtId}, {unitId}.", nameof(districtId));

    private static string RowKey(Delivery d) =>
        Keys.IsWellFormedId(d.SourceId)
            ? $"{EnumText.ToText(d.Category)}|{Day(ChinaTime.Today(d.At))}|{EnumText.ToText(d.Source)}|{d.SourceId}"
            : throw new ArgumentException($"Not an id: {d.SourceId}.", nameof(d));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
