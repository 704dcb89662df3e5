using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Whoever acts for an organisation books a site it may use (阵地联用) for [from, to): a site that is not shared, its owner only;
/// a shared one, the organisations of its street (403 otherwise). The time lies inside one day's opening window in China Standard
/// Time (422 <c>outside_opening_hours</c>), so a booking lasts less than a day; it starts in the future, at most a year ahead; it
/// never overlaps an active booking of the site (409 <c>booking_conflict</c>, decided by the day's lock row in
/// <see cref="SiteStore.BookAsync"/>, under any concurrency). An activity it is for must be one the organisation holds and has
/// neither closed nor cancelled (asked of Activities through <see cref="ISiteActivities"/>).
/// </summary>
public sealed class BookSite(SiteChanges changes, SiteStore sites, OrgStore orgs, ISiteActivities activities, TimeProvider clock)
{
    /// <summary>How far ahead a booking may start.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    /// <summary>The body of <c>POST /v1/sites/{id}/bookings</c>: times as ISO-8601 strings with their offset.</summary>
    public sealed record Request(string? OrgId, string? From, string? To, string? ActivityId);

    public sealed record Draft(string OrgId, DateTimeOffset From, DateTimeOffset To, string? ActivityId);

    /// <summary>Whether the caller may (still) book for the organisation the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var org = Keys.IsWellFormedId(request.OrgId) ? await orgs.FindAsync(request.OrgId!, ct) : null;
        if (org is null || !SitePolicy.MayBookFor(caller, org.Path)) throw Problems.Forbidden();
    }

    public async Task<(Booking Booking, bool Created)> HandleAsync(Caller caller, string siteId, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = Validate(request, now);
        var site = (await changes.ReadAsync(caller, siteId, ct)).Site;
        var org = await orgs.FindAsync(draft.OrgId, ct)
            ?? throw Problems.InvalidReference("orgId", new("不是已登记的组织", "is not a registered organisation"));
        if (!SitePolicy.MayBookFor(caller, org.Path)) throw Problems.Forbidden();
        if (!SitePolicy.TakesBookingsFrom(site, org.Path)) throw site.SharedUse ? SiteProblems.OtherStreet() : SiteProblems.NotShared();
        if (!site.Hours.Covers(draft.From, draft.To)) throw SiteProblems.OutsideOpeningHours(site);
        if (draft.ActivityId is { } activityId
            && (await activities.FindAsync(activityId, ct) is not { } activity || activity.OrganiserOrgId != org.Id || !activity.Scheduled))
        {
            throw Problems.InvalidReference("activityId",
                new("须为预约组织主办、尚未结束或取消的活动", "must be an activity the organisation holds, neither closed nor cancelled"));
        }
        var booking = new Booking
        {
            Id = Keys.NewChildId("bkg", site.DistrictId, clock), SiteId = site.Id, DistrictId = site.DistrictId, OrgId = org.Id,
            OrgPath = org.Path, From = draft.From, To = draft.To, ActivityId = draft.ActivityId, State = BookingState.Active,
            BookedBy = caller.UserId, BookedAt = now,
        };
        return await sites.BookAsync(booking, [new BookingEvent.Booked(site, booking)], ct);
    }

    public static Draft Validate(Request request, DateTimeOffset now)
    {
        var v = new Validator();
        var orgId = v.Id("orgId", request.OrgId);
        var from = Instants.Parse(v, "from", request.From);
        var to = Instants.Parse(v, "to", request.To);
        if (from is { } f && (f < now || f > now + MaxAhead))
        {
            v.Add("from", new("须在当前时间之后一年之内", "must be after now and within a year"));
        }
        if (from is { } start && to is { } end && end <= start) v.Add("to", new("须晚于 from", "must be after from"));
        var activityId = v.Id("activityId", request.ActivityId, required: false);
        v.ThrowIfInvalid();
        return new Draft(orgId!, from!.Value, to!.Value, activityId);
    }
}
