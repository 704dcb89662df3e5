using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>
/// A site's bookings (active and cancelled) that overlap [from, to) when given, by start: to whoever may see the site. One range
/// of the district's partition.
/// </summary>
public sealed class ListBookings(SiteChanges changes, SiteStore sites)
{
    public sealed record Request(string? From, string? To, Paging Paging);

    public async Task<ListPage<Booking>> HandleAsync(Caller caller, string siteId, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var from = Instants.Parse(v, "from", request.From, required: false);
        var to = Instants.Parse(v, "to", request.To, required: false);
        if (from is { } f && to is { } t && t <= f) v.Add("to", new("须晚于 from", "must be after from"));
        v.ThrowIfInvalid();
        var site = (await changes.ReadAsync(caller, siteId, ct)).Site;
        return await sites.ListBookingsAsync(site, from, to, request.Paging, ct);
    }
}
