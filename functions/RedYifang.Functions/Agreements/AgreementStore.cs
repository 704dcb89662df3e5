using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Table <c>Agreements</c>, one partition per district (the agreement id carries it), so no read spans districts and every
/// change is one entity-group transaction:
/// <list type="bullet">
/// <item><c>agreement|{id}</c> — the agreement (JSON document plus State, PartyOrgId, UnitId, TermTo columns);</item>
/// <item><c>scope|{orgId}|{id}</c> — a copy under each organisation on either party's path: the list of an organisation's
/// agreements (its own and those of the organisations under it) is one range;</item>
/// <item><c>end|{orgId}|{termTo}|{id}</c> — a copy under the same organisations while the agreement is active, ordered by the
/// last day of its term: the renewal list and the timer (under the district) are one range each;</item>
/// <item><c>pair|{partyOrgId}|{unitId}</c> — the terms of the pair's active agreements (<see cref="PairTerms"/>), replaced on its
/// ETag whenever an agreement of the pair becomes or stops being active, so two overlapping drafts cannot both activate;</item>
/// <item><c>outbox|…</c> — what the change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// Every change replaces the agreement on its ETag and rewrites its copies in the same transaction.
/// </summary>
public sealed class AgreementStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Agreements";

    public static string? DistrictOf(string agreementId) => Keys.ParentOf(agreementId, "org");

    public async Task<StoredAgreement?> FindAsync(string id, CancellationToken ct = default)
    {
        if (DistrictOf(id) is not { } district) return null;
        return await FindRowAsync(district, AgreementRow(id), ct) is { } e ? new StoredAgreement(Read(e), e.ETag) : null;
    }

    /// <summary>The active terms of a pair, as stored now (none when the pair never had an active agreement).</summary>
    public async Task<PairTerms> ActiveTermsAsync(string districtId, string partyOrgId, string unitId, CancellationToken ct = default) =>
        (await FindRowAsync(districtId, PairRow(partyOrgId, unitId), ct)) is { } e ? JsonRows.Read<PairTerms>(e) : PairTerms.None;

    /// <summary>Writes a new agreement and its copies with what its events translate to.</summary>
    public async Task AddAsync(AgreementChange change, CancellationToken ct = default)
    {
        var agreement = change.Agreement;
        List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, Entity(agreement, AgreementRow(agreement.Id)))];
        rows.AddRange(agreement.Scopes.Select(s => new TableTransactionAction(TableTransactionActionType.Add,
            Entity(agreement, ScopeRow(s, agreement.Id)))));
        await CommitAsync(agreement.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// Replaces the agreement if nobody changed it since <paramref name="before"/> was read, with its copies and what the
    /// change's events translate to; a lost race is <c>ConflictException</c> and writes nothing. An agreement becoming active
    /// is checked against the active terms of its pair (409 <c>agreement_overlaps</c>) and entered in them on their ETag.
    /// </summary>
    public async Task UpdateAsync(StoredAgreement before, AgreementChange change, CancellationToken ct = default)
    {
        var after = change.Agreement;
        var (wasActive, isActive) = (before.Agreement.State == AgreementState.Active, after.State == AgreementState.Active);
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.UpdateReplace, Entity(after, AgreementRow(after.Id)), before.ETag),
            .. after.Scopes.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Entity(after, ScopeRow(s, after.Id)))),
        ];
        if (isActive)
        {
            rows.AddRange(after.Scopes.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Entity(after, EndRow(s, after.TermTo, after.Id)))));
        }
        else if (wasActive)
        {
            rows.AddRange(after.Scopes.Select(s => new TableTransactionAction(TableTransactionActionType.Delete,
                new TableEntity(after.DistrictId, EndRow(s, after.TermTo, after.Id)), ETag.All)));
        }
        if (isActive != wasActive) rows.Add(await PairChangeAsync(after, isActive, ct));
        await CommitAsync(after.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// A page of the agreements where the organisation, or one under it, is a party (optionally in one state), oldest first.
    /// </summary>
    public async Task<ListPage<Agreement>> ListScopeAsync(string districtId, string orgId, AgreementState? state, Paging paging,
        CancellationToken ct = default)
    {
        var prefix = $"scope|{orgId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        if (state is { } s) filter += " and " + TableClient.CreateQueryFilter($"State eq {EnumText.ToText(s)}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, Read, ct: ct);
    }

    /// <summary>A page of the active agreements within the organisation whose term ends on a day in [first, last], soonest first.</summary>
    public async Task<ListPage<Agreement>> ListEndingAsync(string districtId, string orgId, DateOnly first, DateOnly last, Paging paging,
        CancellationToken ct = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {districtId} and RowKey ge {EndPrefix(orgId, first)} and RowKey lt {EndPrefix(orgId, last.AddDays(1))}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, Read, ct: ct);
    }

    /// <summary>Every active agreement of a district whose term ends before <paramref name="day"/> (timer use; one range).</summary>
    public IAsyncEnumerable<Agreement> ActiveEndingBeforeAsync(string districtId, DateOnly day, CancellationToken ct = default) =>
        QueryAsync(districtId, $"end|{districtId}|", EndPrefix(districtId, day), ct);

    /// <summary>Every active agreement of a district whose term ends on a day in [first, last] (timer use; one range).</summary>
    public IAsyncEnumerable<Agreement> ActiveEndingAsync(string districtId, DateOnly first, DateOnly last,
        CancellationToken ct = default) =>
        QueryAsync(districtId, EndPrefix(districtId, first), EndPrefix(districtId, last.AddDays(1)), ct);

    private async IAsyncEnumerable<Agreement> QueryAsync(string districtId, string from, string until,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey ge {from} and RowKey lt {until}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) yield return Read(row);
    }

    /// <summary>The pair row after the agreement enters (checked for overlap) or leaves the pair's active terms, on the ETag read.</summary>
    private async Task<TableTransactionAction> PairChangeAsync(Agreement agreement, bool entering, CancellationToken ct)
    {
        var row = await FindRowAsync(agreement.DistrictId, PairRow(agreement.PartyOrgId, agreement.UnitId), ct);
        var terms = row is null ? PairTerms.None : JsonRows.Read<PairTerms>(row);
        if (entering && terms.Overlapping(agreement.Id, agreement.Term) is { } overlapping)
        {
            throw AgreementProblems.Overlaps(overlapping);
        }
        var next = JsonRows.Create(agreement.DistrictId, PairRow(agreement.PartyOrgId, agreement.UnitId),
            entering ? terms.With(agreement) : terms.Without(agreement.Id));
        return row is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, row.ETag);
    }

    private static string AgreementRow(string id) => $"agreement|{id}";

    private static string ScopeRow(string orgId, string id) => $"scope|{orgId}|{id}";

    private static string EndPrefix(string orgId, DateOnly day) => $"end|{orgId}|{Day(day)}";

    private static string EndRow(string orgId, DateOnly termTo, string id) => $"{EndPrefix(orgId, termTo)}|{id}";

    private static string PairRow(string partyOrgId, string unitId) => $"pair|{partyOrgId}|{unitId}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity Entity(Agreement agreement, string rowKey)
    {
        var entity = JsonRows.Create(agreement.DistrictId, rowKey, agreement);
        entity["State"] = EnumText.ToText(agreement.State);
        entity["PartyOrgId"] = agreement.PartyOrgId;
        entity["UnitId"] = agreement.UnitId;
        entity["TermTo"] = Day(agreement.TermTo);
        return entity;
    }

    private static Agreement Read(TableEntity e) => JsonRows.Read<Agreement>(e);
}
