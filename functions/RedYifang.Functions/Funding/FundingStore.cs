using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Table <c>Funding</c>, one partition per district and year (<c>{districtId}|{year}</c>): every account of that year and
/// every movement between them, so a movement and the two balances it changes are one entity-group transaction (one
/// partition, a handful of actions):
/// <list type="bullet">
/// <item><c>acct|{account}</c> — an account's opening, debits and credits in fen (<see cref="AccountBalance"/>), the lock: a
/// movement adds or replaces both accounts' rows on the ETags it read them with, so two movements that together would
/// overdraw an account cannot both commit — the second reads again and decides again (<see cref="ConcurrentUpdate"/>);</item>
/// <item><c>mov|{id}</c> — a movement (JSON document), replaced only to name the entry that reversed it;</item>
/// <item><c>receipt|{evidenceId}</c> — a receipt already behind an expense (one receipt, one expense);</item>
/// <item><c>source|{kind}|{id}</c> — a gift's source (an accepted order), so a message heard twice records one movement;</item>
/// <item><c>outbox|…</c> — what a change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// </summary>
public sealed class FundingStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Funding";

    public static string Partition(string districtId, int year) =>
        Keys.IsWellFormedId(districtId)
            ? $"{districtId}|{year}"
            : throw new ArgumentException($"Not an id: {districtId}.", nameof(districtId));

    public async Task<StoredMovement?> FindMovementAsync(string id, CancellationToken ct = default)
    {
        if (Movement.PartitionOf(id) is not var (district, year)) return null;
        return await FindRowAsync(Partition(district, year), MovementRow(id), ct) is { } e
            ? new StoredMovement(JsonRows.Read<Movement>(e), e.ETag)
            : null;
    }

    /// <summary>Every account of the district's year that ever moved money or had its budget set.</summary>
    public async Task<List<AccountBalance>> BalancesAsync(string districtId, int year, CancellationToken ct = default) =>
        await RangeAsync(Partition(districtId, year), "acct|", ReadBalance, ct);

    /// <summary>Every movement of the district's year, oldest first.</summary>
    public async Task<List<Movement>> MovementsAsync(string districtId, int year, CancellationToken ct = default) =>
        [.. (await RangeAsync(Partition(districtId, year), "mov|", JsonRows.Read<Movement>, ct)).OrderBy(m => m.At).ThenBy(m => m.Id)];

    /// <summary>
    /// Sets the budget of <paramref name="account"/> (opening <paramref name="opening"/> until first set) as
    /// <paramref name="decide"/> says, on the ETag its row was read with; a lost race reads again and decides again.
    /// </summary>
    public async Task<AccountBalance> SetBudgetAsync(string districtId, AccountId account, Money opening,
        Func<AccountBalance, (AccountBalance After, IReadOnlyList<IDomainEvent> Events)> decide, CancellationToken ct = default) =>
        await ConcurrentUpdate.RunAsync(async token =>
        {
            var partition = Partition(districtId, account.Year);
            var (current, etag) = await BalanceAsync(partition, account, opening, token);
            var (after, events) = decide(current);
            await CommitRacingAsync(partition, [Write(partition, after, etag)], events, token);
            return after;
        }, ct);

    /// <summary>
    /// Records a movement: reads both accounts (absent: at their opening), lets <paramref name="decide"/> check and apply it
    /// (it throws to refuse), and writes the movement, both balances on the ETags read, the receipt's and the source's rows and —
    /// for a reversal — the original marked as reversed on its ETag, with what the events translate to, in one transaction.
    /// A lost race reads everything again and decides again. A gift whose source is already recorded answers with that movement.
    /// </summary>
    public async Task<Movement> MoveAsync(Movement movement, Money fromOpening, Money toOpening, string? source,
        Func<AccountBalance, AccountBalance, StoredMovement?, (AccountBalance From, AccountBalance To)> decide,
        Func<Movement, IReadOnlyList<IDomainEvent>> events, CancellationToken ct = default) =>
        await ConcurrentUpdate.RunAsync(async token =>
        {
            var partition = Partition(movement.DistrictId, movement.Year);
            if (source is not null && await FindRowAsync(partition, SourceRow(source), token) is { } seen)
            {
                return (await FindMovementAsync(seen.GetString("MovementId"), token))!.Movement;
            }
            if (movement.EvidenceId is { } receipt && await FindRowAsync(partition, ReceiptRow(receipt), token) is not null)
            {
                throw FundingProblems.ReceiptUsed();
            }
            var original = movement.Reverses is { } reversed ? await FindMovementAsync(reversed, token) : null;
            var (from, fromTag) = await BalanceAsync(partition, movement.From, fromOpening, token);
            var (to, toTag) = await BalanceAsync(partition, movement.To, toOpening, token);
            var (fromAfter, toAfter) = decide(from, to, original);
            List<TableTransactionAction> rows =
            [
                new(TableTransactionActionType.Add, JsonRows.Create(partition, MovementRow(movement.Id), movement)),
                Write(partition, fromAfter, fromTag),
                Write(partition, toAfter, toTag),
            ];
            if (movement.EvidenceId is { } evidence)
            {
                rows.Add(new(TableTransactionActionType.Add,
                    new TableEntity(partition, ReceiptRow(evidence)) { ["MovementId"] = movement.Id }));
            }
            if (source is not null)
            {
                rows.Add(new(TableTransactionActionType.Add,
                    new TableEntity(partition, SourceRow(source)) { ["MovementId"] = movement.Id }));
            }
            if (original is not null)
            {
                var marked = original.Movement with { ReversedBy = movement.Id };
                rows.Add(new(TableTransactionActionType.UpdateReplace, JsonRows.Create(partition, MovementRow(marked.Id), marked),
                    original.ETag));
            }
            await CommitRacingAsync(partition, rows, events(movement), token);
            return movement;
        }, ct);

    private async Task<(AccountBalance Balance, ETag? ETag)> BalanceAsync(string partition, AccountId account, Money opening,
        CancellationToken ct) =>
        await FindRowAsync(partition, AccountRow(account), ct) is { } row
            ? (ReadBalance(row), row.ETag)
            : (AccountBalance.Empty(account, opening), null);

    private static TableTransactionAction Write(string partition, AccountBalance balance, ETag? etag)
    {
        var row = new TableEntity(partition, AccountRow(balance.Account))
        {
            ["Account"] = balance.Account.ToString(), ["OrgId"] = balance.Account.OrgId, ["Opening"] = balance.Opening.Fen,
            ["Debits"] = balance.Debits.Fen, ["Credits"] = balance.Credits.Fen, ["BudgetSet"] = balance.BudgetSet,
        };
        return etag is { } tag
            ? new(TableTransactionActionType.UpdateReplace, row, tag)
            : new(TableTransactionActionType.Add, row);
    }

    private static AccountBalance ReadBalance(TableEntity e)
    {
        AccountId.TryParse(e.GetString("Account"), out var account);
        return new AccountBalance(account ?? throw new InvalidDataException($"Account row {e.RowKey} names no account."),
            new Money(e.GetInt64("Opening") ?? 0), new Money(e.GetInt64("Debits") ?? 0), new Money(e.GetInt64("Credits") ?? 0),
            e.GetBoolean("BudgetSet") ?? false);
    }

    private async Task<List<T>> RangeAsync<T>(string partition, string prefix, Func<TableEntity, T> read, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var found = new List<T>();
        await foreach (var e in (await TableAsync(ct)).QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(read(e));
        return found;
    }

    /// <summary>Commits as the base does; a lost race (409/412) is thrown as one <see cref="ConcurrentUpdate"/> retries.</summary>
    private async Task CommitRacingAsync(string partition, IEnumerable<TableTransactionAction> rows, IReadOnlyList<IDomainEvent> events,
        CancellationToken ct)
    {
        try
        {
            await CommitAsync(partition, rows, translators.Translate(events), ct);
        }
        catch (Platform.Problems.ConflictException e) when (e.Code == "conflict")
        {
            throw ConcurrentUpdate.LostRace();
        }
    }

    private static string AccountRow(AccountId account) => $"acct|{account}";

    private static string MovementRow(string id) => $"mov|{id}";

    private static string ReceiptRow(string evidenceId) =>
        Keys.IsWellFormedId(evidenceId)
            ? $"receipt|{evidenceId}"
            : throw new ArgumentException($"Not an id: {evidenceId}.", nameof(evidenceId));

    private static string SourceRow(string source) => $"source|{source}";
}

/// <summary>A movement as read, with its row's ETag (a reversal marks it on that ETag).</summary>
public sealed record StoredMovement(Movement Movement, ETag ETag);
