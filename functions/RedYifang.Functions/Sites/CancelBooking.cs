using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

/// <summary>
/// The booker's admins and liaisons cancel an active booking (409 <c>invalid_transition</c> when it is cancelled already); its
/// time is free again at once.
/// </summary>
public sealed class CancelBooking(SiteChanges changes, SiteStore sites)
{
    public async Task<Booking> HandleAsync(Caller caller, string siteId, string bookingId, CancellationToken ct)
    {
        var site = (await changes.ReadAsync(caller, siteId, ct)).Site;
        var stored = Keys.IsWellFormedId(bookingId) ? await sites.FindBookingAsync(site.DistrictId, bookingId, ct) : null;
        if (stored is null || stored.Booking.SiteId != site.Id) throw Problems.NotFound("booking");
        if (!SitePolicy.MayCancel(caller, stored.Booking)) throw Problems.Forbidden();
        return await sites.CancelAsync(site.DistrictId, bookingId, booking =>
        {
            var after = booking.Cancel(caller.UserId, changes.Now);
            return (after, [new BookingEvent.Cancelled(site, after)]);
        }, ct);
    }
}
