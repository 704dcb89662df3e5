using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Table <c>Alliances</c>, one partition per district (every id here carries it), so each change is one entity-group
/// transaction (one partition, at most 100 actions):
/// <list type="bullet">
/// <item><c>alliance|{id}</c> — the alliance (never changes once written);</item>
/// <item><c>street|{streetId}</c> — its copy under the street, added in the same transaction: a second alliance of the street
/// fails that add, however many are asked for at once; the district's alliances are one range;</item>
/// <item><c>member|{allianceId}|{unitId}</c> — a unit's membership (state, history), added by its first invitation and replaced
/// on its ETag;</item>
/// <item><c>seat|{allianceId}|unit|{unitId}</c> and <c>seat|{allianceId}|user|{userId}</c> — a committee seat under its unit and
/// its person, added together: a unit's second seat, or a person's, fails the add;</item>
/// <item><c>chairs|{allianceId}</c> — the chair terms (<see cref="ChairTerms"/>), replaced on its ETag;</item>
/// <item><c>meeting|{id}</c> — a joint meeting, replaced on its ETag; <c>meetings|{allianceId}|{at}|{id}</c> its copy for the
/// alliance's list, by the meeting's time;</item>
/// <item><c>outbox|…</c> — what a change's events translate to, staged with it (<see cref="OutboxStore"/>).</item>
/// </list>
/// A change that needs a unit to be a member now (a seat, a chair term, a meeting's attendance) checks the member row in
/// its transaction (a merge of nothing, on the ETag read), and leaving checks the chair terms the same way, so a unit that
/// leaves meanwhile fails one of the two.
/// </summary>
public sealed class AllianceStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Alliances";

    public static string? DistrictOf(string id) => Keys.ParentOf(id, "org");

    public async Task<Alliance?> FindAsync(string id, CancellationToken ct = default) =>
        DistrictOf(id) is { } district && await FindRowAsync(district, AllianceRow(id), ct) is { } e ? JsonRows.Read<Alliance>(e) : null;

    public async Task<Alliance?> FindByStreetAsync(string districtId, string streetId, CancellationToken ct = default) =>
        await FindRowAsync(districtId, StreetRow(streetId), ct) is { } e ? JsonRows.Read<Alliance>(e) : null;

    /// <summary>A page of the district's alliances, by street id.</summary>
    public async Task<ListPage<Alliance>> ListAsync(string districtId, Paging paging, CancellationToken ct = default) =>
        await TablePages.ReadAsync(await TableAsync(ct), Range(districtId, "street|"), paging, JsonRows.Read<Alliance>, ct: ct);

    /// <summary>Adds the alliance and its street's copy; the street having one already fails both (<c>ConflictException</c>).</summary>
    public Task AddAsync(Alliance alliance, AllianceEvent created, CancellationToken ct = default) =>
        CommitAsync(alliance.DistrictId,
        [
            new(TableTransactionActionType.Add, JsonRows.Create(alliance.DistrictId, AllianceRow(alliance.Id), alliance)),
            new(TableTransactionActionType.Add, JsonRows.Create(alliance.DistrictId, StreetRow(alliance.StreetId), alliance)),
        ], translators.Translate([created]), ct);

    public async Task<Stored<Member>?> FindMemberAsync(Alliance alliance, string unitId, CancellationToken ct = default) =>
        await FindRowAsync(alliance.DistrictId, MemberRow(alliance.Id, unitId), ct) is { } e
            ? new Stored<Member>(JsonRows.Read<Member>(e), e.ETag)
            : null;

    /// <summary>A page of the alliance's members (in one state, or all), by unit id.</summary>
        public async Task<ListPage<Member>> ListMembersAsync(Alliance alliance, MemberState? state, Paging paging,
        CancellationToken ct = default)
    {
        var filter = Range(alliance.DistrictId, $"member|{alliance.Id}|");
        if (state is { } s) filter += " and " + TableClient.CreateQueryFilter($"State eq {EnumText.ToText(s)}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, JsonRows.Read<Member>, ct: ct);
    }

    /// <summary>Adds a first invitation, or replaces the membership on the ETag it was read with.</summary>
    public Task WriteMemberAsync(Stored<Member>? before, MemberChange change, CancellationToken ct = default)
    {
        var member = change.Member;
        return CommitAsync(member.DistrictId, [MemberAction(before, member)], translators.Translate([change.Event]), ct);
    }

    /// <summary>
    /// A member leaves: the membership replaced on its ETag, the unit's seat (if any) vacated, the chair terms checked unchanged
    /// since they showed the unit chairs no more (<paramref name="chairs"/>, when there are any).
    /// </summary>
    public Task LeaveAsync(Stored<Member> before, MemberChange change, Stored<CommitteeSeat>? seat, AllianceEvent? vacated,
        Stored<ChairTerms>? chairs, CancellationToken ct = default)
    {
        var member = change.Member;
        List<TableTransactionAction> rows = [MemberAction(before, member)];
        if (seat is not null) rows.AddRange(SeatDeletes(seat));
        if (chairs is { ETag: var etag } && etag != default) rows.Add(Touch(member.DistrictId, ChairsRow(member.AllianceId), etag));
        return CommitAsync(member.DistrictId, rows, translators.Translate(vacated is null ? [change.Event] : [change.Event, vacated]), ct);
    }

    public async Task<Stored<CommitteeSeat>?> FindSeatOfUserAsync(Alliance alliance, string userId, CancellationToken ct = default) =>
        await FindRowAsync(alliance.DistrictId, SeatRow(alliance.Id, "user", userId), ct) is { } e
            ? new Stored<CommitteeSeat>(JsonRows.Read<CommitteeSeat>(e), e.ETag)
            : null;

    public async Task<Stored<CommitteeSeat>?> FindSeatOfUnitAsync(Alliance alliance, string unitId, CancellationToken ct = default) =>
        await FindRowAsync(alliance.DistrictId, SeatRow(alliance.Id, "unit", unitId), ct) is { } e
            ? new Stored<CommitteeSeat>(JsonRows.Read<CommitteeSeat>(e), e.ETag)
            : null;

    /// <summary>A page of the alliance's committee seats, by unit id.</summary>
    public async Task<ListPage<CommitteeSeat>> ListSeatsAsync(Alliance alliance, Paging paging, CancellationToken ct = default) =>
        await TablePages.ReadAsync(await TableAsync(ct), Range(alliance.DistrictId, $"seat|{alliance.Id}|unit|"), paging,
            JsonRows.Read<CommitteeSeat>, ct: ct);

    /// <summary>Adds the seat under its unit and its person, while the unit's membership is as read.</summary>
    public Task AddSeatAsync(CommitteeSeat seat, Stored<Member> member, AllianceEvent appointed, CancellationToken ct = default) =>
        CommitAsync(seat.DistrictId,
        [
            new(TableTransactionActionType.Add, JsonRows.Create(seat.DistrictId, SeatRow(seat.AllianceId, "unit", seat.UnitId), seat)),
            new(TableTransactionActionType.Add, JsonRows.Create(seat.DistrictId, SeatRow(seat.AllianceId, "user", seat.UserId), seat)),
            Touch(seat.DistrictId, MemberRow(seat.AllianceId, seat.UnitId), member.ETag),
        ], translators.Translate([appointed]), ct);

    public Task RemoveSeatAsync(Stored<CommitteeSeat> seat, AllianceEvent removed, CancellationToken ct = default) =>
        CommitAsync(seat.Value.DistrictId, SeatDeletes(seat), translators.Translate([removed]), ct);

    /// <summary>The alliance's chair terms and the ETag to replace them on (none yet: no ETag, and the first term adds the row).</summary>
    public async Task<Stored<ChairTerms>> ChairsAsync(Alliance alliance, CancellationToken ct = default) =>
        await FindRowAsync(alliance.DistrictId, ChairsRow(alliance.Id), ct) is { } e
            ? new Stored<ChairTerms>(JsonRows.Read<ChairTerms>(e), e.ETag)
            : new Stored<ChairTerms>(ChairTerms.None, default);

    /// <summary>
    /// Writes the terms with one more, if nobody changed them since <paramref name="before"/> was read and the unit's membership
    /// is as read; a lost race is <see cref="ConcurrentUpdate.LostRace"/>, for the caller to read again and decide again.
    /// </summary>
    public async Task AddChairTermAsync(Alliance alliance, Stored<ChairTerms> before, ChairTerms after, Stored<Member> member,
        AllianceEvent added, CancellationToken ct = default)
    {
        var row = JsonRows.Create(alliance.DistrictId, ChairsRow(alliance.Id), after);
        TableTransactionAction write = before.ETag == default
            ? new(TableTransactionActionType.Add, row)
            : new(TableTransactionActionType.UpdateReplace, row, before.ETag);
        try
        {
            var check = Touch(alliance.DistrictId, MemberRow(alliance.Id, member.Value.UnitId), member.ETag);
            await CommitAsync(alliance.DistrictId, [write, check], translators.Translate([added]), ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            throw ConcurrentUpdate.LostRace();
        }
    }

    public async Task<Stored<Meeting>?> FindMeetingAsync(string meetingId, CancellationToken ct = default) =>
        DistrictOf(meetingId) is { } district && await FindRowAsync(district, MeetingRow(meetingId), ct) is { } e
            ? new Stored<Meeting>(JsonRows.Read<Meeting>(e), e.ETag)
            : null;

    /// <summary>A page of the alliance's meetings, by their time, earliest first.</summary>
    public async Task<ListPage<Meeting>> ListMeetingsAsync(Alliance alliance, Paging paging, CancellationToken ct = default) =>
        await TablePages.ReadAsync(await TableAsync(ct), Range(alliance.DistrictId, $"meetings|{alliance.Id}|"), paging,
            JsonRows.Read<Meeting>, ct: ct);

    /// <summary>Adds the meeting and its copy, while the attending units' memberships are as read.</summary>
    public Task AddMeetingAsync(Meeting meeting, IReadOnlyList<Stored<Member>> attending, AllianceEvent scheduled,
        CancellationToken ct = default) =>
        CommitAsync(meeting.DistrictId,
        [
            new(TableTransactionActionType.Add, MeetingEntity(meeting, MeetingRow(meeting.Id))),
            new(TableTransactionActionType.Add, MeetingEntity(meeting, ListedMeetingRow(meeting))),
            .. attending.Select(m => Touch(meeting.DistrictId, MemberRow(meeting.AllianceId, m.Value.UnitId), m.ETag)),
        ], translators.Translate([scheduled]), ct);

    /// <summary>Replaces the meeting on the ETag it was read with, and its copy.</summary>
    public Task UpdateMeetingAsync(Stored<Meeting> before, Meeting after, AllianceEvent changed, CancellationToken ct = default) =>
        CommitAsync(after.DistrictId,
        [
            new(TableTransactionActionType.UpdateReplace, MeetingEntity(after, MeetingRow(after.Id)), before.ETag),
            new(TableTransactionActionType.UpsertReplace, MeetingEntity(after, ListedMeetingRow(after))),
        ], translators.Translate([changed]), ct);

    private TableTransactionAction MemberAction(Stored<Member>? before, Member member)
    {
        var entity = JsonRows.Create(member.DistrictId, MemberRow(member.AllianceId, member.UnitId), member);
        entity["State"] = EnumText.ToText(member.State);
        return before is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, before.ETag);
    }

    /// <summary>
    /// Deletes both rows of a seat. Seat rows are never replaced, only added and deleted, so deleting them unconditionally still
    /// fails (404, the transaction with it) when another change removed the seat since it was read.
    /// </summary>
    private static IEnumerable<TableTransactionAction> SeatDeletes(Stored<CommitteeSeat> seat)
    {
        var s = seat.Value;
        yield return new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(s.DistrictId, SeatRow(s.AllianceId, "user", s.UserId)), ETag.All);
        yield return new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(s.DistrictId, SeatRow(s.AllianceId, "unit", s.UnitId)), ETag.All);
    }

    /// <summary>A merge of nothing on the ETag read: the transaction fails if the row changed (or went) since.</summary>
    private static TableTransactionAction Touch(string districtId, string rowKey, ETag etag) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(districtId, rowKey), etag);

    private static TableEntity MeetingEntity(Meeting meeting, string rowKey)
    {
        var entity = JsonRows.Create(meeting.DistrictId, rowKey, meeting);
        entity["State"] = EnumText.ToText(meeting.State);
        return entity;
    }

    private static string Range(string districtId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {districtId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");

    private static string AllianceRow(string id) => $"alliance|{id}";

    private static string StreetRow(string streetId) => $"street|{streetId}";

    private static string MemberRow(string allianceId, string unitId) => $"member|{allianceId}|{unitId}";

    private static string SeatRow(string allianceId, string by, string id) => $"seat|{allianceId}|{by}|{id}";

    private static string ChairsRow(string allianceId) => $"chairs|{allianceId}";

    private static string MeetingRow(string meetingId) => $"meeting|{meetingId}";

    private static string ListedMeetingRow(Meeting meeting) =>
                $"meetings|{meeting.AllianceId}|{meeting.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}"
        + $"|{meeting.Id}";
}
