using System.Globalization;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Table <c>Sites</c>, one partition per district (site and booking ids carry it), so every change is one entity-group
/// transaction of a handful of rows:
/// <list type="bullet">
/// <item><c>site|{id}</c> — the site (JSON document, plus Kind, OwnerOrgId, SharedUse columns);</item>
/// <item><c>scope|{orgId}|{id}</c> — a copy under each organisation on the owner's path (district, street, community, owner):
/// an organisation's sites, its own and those under it, are one range;</item>
/// <item><c>booking|{id}</c> — a booking (JSON document, plus SiteId and State);</item>
/// <item><c>slot|{siteId}|{from UTC}|{id}</c> — a copy under its site, by its start: a site's bookings in a time range;</item>
/// <item><c>day|{siteId}|{date CST}</c> — the site's active bookings that day (<see cref="BookingDay"/>), the lock: a booking is
/// added only together with this row, added or replaced on the ETag it was read with, so two overlapping bookings cannot both
/// commit — the second finds the first when it reads again;</item>
/// <item><c>outbox|…</c> — what a change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// </summary>
public sealed class SiteStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Sites";

    public static string? DistrictOf(string id) => Keys.ParentOf(id, "org");

    public async Task<StoredSite?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!id.StartsWith("site_", StringComparison.Ordinal) || DistrictOf(id) is not { } district) return null;
        return await FindRowAsync(district, SiteRow(id), ct) is { } e ? new StoredSite(JsonRows.Read<Site>(e), e.ETag) : null;
    }

    /// <summary>Writes a new site and its copies with what its events translate to.</summary>
    public async Task AddAsync(SiteChange change, CancellationToken ct = default)
    {
        var site = change.Site;
        List<TableTransactionAction> rows = [new(TableTransactionActionType.Add, Entity(site, SiteRow(site.Id)))];
        rows.AddRange(site.OwnerPath.Select(o => new TableTransactionAction(TableTransactionActionType.Add,
            Entity(site, ScopeRow(o, site.Id)))));
        await CommitAsync(site.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// Replaces the site if nobody changed it since <paramref name="before"/> was read, with its copies and what the change's
    /// events translate to; a lost race is <c>ConflictException</c> and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredSite before, SiteChange change, CancellationToken ct = default)
    {
        var after = change.Site;
        List<TableTransactionAction> rows =
        [
            new(TableTransactionActionType.UpdateReplace, Entity(after, SiteRow(after.Id)), before.ETag),
            .. after.OwnerPath.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Entity(after, ScopeRow(o, after.Id)))),
        ];
        await CommitAsync(after.DistrictId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// A page of the sites of an organisation and those under it (one range), optionally only one owner's and one kind
    /// (filtered by the service), each kept only when <paramref name="fits"/>.
    /// </summary>
    public async Task<ListPage<Site>> ListScopeAsync(string districtId, string orgId, string? ownerOrgId, SiteKind? kind,
        Func<Site, bool> fits, Paging paging, CancellationToken ct = default)
    {
        var prefix = $"scope|{orgId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        if (ownerOrgId is not null) filter += " and " + TableClient.CreateQueryFilter($"OwnerOrgId eq {ownerOrgId}");
        if (kind is { } k) filter += " and " + TableClient.CreateQueryFilter($"Kind eq {EnumText.ToText(k)}");
        var page = await TablePages.ReadAsync(await TableAsync(ct), filter, paging, JsonRows.Read<Site>, ct: ct);
        return page with { Items = [.. page.Items.Where(fits)] };
    }

    /// <summary>Every shared site of an organisation and those under it (a street's "activity circle"): one filtered range.</summary>
    public async Task<List<Site>> SharedUnderAsync(string districtId, string orgId, CancellationToken ct = default)
    {
        var prefix = $"scope|{orgId}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"} and SharedUse eq {true}");
        var sites = new List<Site>();
        var table = await TableAsync(ct);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) sites.Add(JsonRows.Read<Site>(e));
        return sites;
    }

    /// <summary>Whether the organisation itself keeps a site of the kind (one filtered range of its own copies).</summary>
    public async Task<bool> KeepsAsync(string districtId, string orgId, SiteKind kind, CancellationToken ct = default)
    {
        var prefix = $"scope|{orgId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}")
            + " and " + TableClient.CreateQueryFilter($"OwnerOrgId eq {orgId} and Kind eq {EnumText.ToText(kind)}");
        await foreach (var _ in (await TableAsync(ct)).QueryAsync<TableEntity>(filter, 1, ["RowKey"], ct)) return true;
        return false;
    }

    public async Task<StoredBooking?> FindBookingAsync(string districtId, string bookingId, CancellationToken ct = default) =>
        await FindRowAsync(districtId, BookingRow(bookingId), ct) is { } e ? new StoredBooking(JsonRows.Read<Booking>(e), e.ETag) : null;

    /// <summary>
    /// Adds the booking with its slot copy, its day's lock row and what its events translate to, in one transaction: the day's
    /// active bookings are read, the new one checked against them (409 <c>booking_conflict</c>), and the day row added or
    /// replaced on the ETag it was read with. Whoever loses a race for the day reads it again and decides again, so of any number
    /// of overlapping requests exactly one commits. A request resuming one whose booking committed (<see cref="SeededIds"/>)
    /// gets that booking back (<c>Created</c> false).
    /// </summary>
    public async Task<(Booking Booking, bool Created)> BookAsync(Booking booking, IReadOnlyList<IDomainEvent> events,
        CancellationToken ct = default) =>
        await ConcurrentUpdate.RunAsync(async token =>
        {
            // A request resuming one whose booking committed (under the same seeded id) answers with that booking, even cancelled.
            if (SeededIds.IsResuming && await FindBookingAsync(booking.DistrictId, booking.Id, token) is { } first)
            {
                return (first.Booking, false);
            }
            var dayRow = await FindRowAsync(booking.DistrictId, DayRow(booking.SiteId, booking.From), token);
            var day = dayRow is null ? BookingDay.Empty : JsonRows.Read<BookingDay>(dayRow);
            if (day.Clash(booking.From, booking.To) is { } clash) throw SiteProblems.BookingConflict(clash);
            var next = JsonRows.Create(booking.DistrictId, DayRow(booking.SiteId, booking.From), day.With(booking));
            List<TableTransactionAction> rows =
            [
                new(TableTransactionActionType.Add, BookingEntity(booking, BookingRow(booking.Id))),
                new(TableTransactionActionType.Add, BookingEntity(booking, SlotRow(booking))),
                dayRow is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, dayRow.ETag),
            ];
            await CommitRacingAsync(booking.DistrictId, rows, events, token);
            return (booking, true);
        }, ct);

    /// <summary>
    /// Cancels the booking: replaced on the ETag it was read with, its slot copy rewritten and its entry taken out of the day's
    /// lock row (on that row's ETag), with what the events translate to, in one transaction; a lost race reads both again.
    /// </summary>
    public async Task<Booking> CancelAsync(string districtId, string bookingId,
        Func<Booking, (Booking After, IReadOnlyList<IDomainEvent> Events)> cancel, CancellationToken ct = default) =>
        await ConcurrentUpdate.RunAsync(async token =>
        {
            var stored = await FindBookingAsync(districtId, bookingId, token) ?? throw Problems.NotFound("booking");
            var (after, events) = cancel(stored.Booking);
            var dayRow = await FindRowAsync(districtId, DayRow(after.SiteId, after.From), token);
            List<TableTransactionAction> rows =
            [
                new(TableTransactionActionType.UpdateReplace, BookingEntity(after, BookingRow(after.Id)), stored.ETag),
                new(TableTransactionActionType.UpsertReplace, BookingEntity(after, SlotRow(after))),
            ];
            if (dayRow is not null)
            {
                var day = JsonRows.Read<BookingDay>(dayRow).Without(after.Id);
                rows.Add(new(TableTransactionActionType.UpdateReplace, JsonRows.Create(districtId, dayRow.RowKey, day), dayRow.ETag));
            }
            await CommitRacingAsync(districtId, rows, events, token);
            return after;
        }, ct);

    /// <summary>
    /// A page of the site's bookings that overlap [from, to) (any time when absent), by start. A booking lies within one day,
    /// so one that overlaps <paramref name="from"/> starts less than a day before it: the range starts there, and the page keeps
    /// only those that end after <paramref name="from"/>.
    /// </summary>
    public async Task<ListPage<Booking>> ListBookingsAsync(Site site, DateTimeOffset? from, DateTimeOffset? to, Paging paging,
        CancellationToken ct = default)
    {
        var prefix = $"slot|{site.Id}|";
        var low = from is { } f ? prefix + Instant(f.AddDays(-1)) : prefix;
        var high = to is { } t ? prefix + Instant(t) : prefix + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {site.DistrictId} and RowKey ge {low} and RowKey lt {high}");
        var page = await TablePages.ReadAsync(await TableAsync(ct), filter, paging, JsonRows.Read<Booking>, ct: ct);
        return page with { Items = [.. page.Items.Where(b => from is not { } start || b.To > start)] };
    }

    /// <summary>Commits as the base does; a lost race (409/412) is thrown as one <see cref="ConcurrentUpdate"/> retries.</summary>
    private async Task CommitRacingAsync(string districtId, IEnumerable<TableTransactionAction> rows, IReadOnlyList<IDomainEvent> events,
        CancellationToken ct)
    {
        try
        {
            await CommitAsync(districtId, rows, translators.Translate(events), ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            throw ConcurrentUpdate.LostRace();
        }
    }

    private static string SiteRow(string id) => $"site|{id}";

    private static string ScopeRow(string orgId, string id) => $"scope|{orgId}|{id}";

    private static string BookingRow(string id) =>
        Keys.IsWellFormedId(id) ? $"booking|{id}" : throw new ArgumentException($"Not an id: {id}.", nameof(id));

    private static string SlotRow(Booking booking) => $"slot|{booking.SiteId}|{Instant(booking.From)}|{booking.Id}";

    private static string DayRow(string siteId, DateTimeOffset from) =>
        $"day|{siteId}|{ChinaTime.Today(from).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>An instant as a key part that sorts as time does: UTC, to the millisecond.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    private static TableEntity Entity(Site site, string rowKey)
    {
        var entity = JsonRows.Create(site.DistrictId, rowKey, site);
        entity["Kind"] = EnumText.ToText(site.Kind);
        entity["OwnerOrgId"] = site.OwnerOrgId;
        entity["SharedUse"] = site.SharedUse;
        return entity;
    }

    private static TableEntity BookingEntity(Booking booking, string rowKey)
    {
        var entity = JsonRows.Create(booking.DistrictId, rowKey, booking);
        entity["SiteId"] = booking.SiteId;
        entity["State"] = EnumText.ToText(booking.State);
        return entity;
    }
}
