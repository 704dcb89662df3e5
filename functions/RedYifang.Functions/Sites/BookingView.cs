namespace RedYifang.Functions.Sites;

/// <summary>A booking as the API shows it (the booker's path stays inside).</summary>
public sealed record BookingView(
    string Id,
    string SiteId,
    string OrgId,
    DateTimeOffset From,
    DateTimeOffset To,
    string? ActivityId,
    BookingState State,
    string BookedBy,
    DateTimeOffset BookedAt,
    string? CancelledBy,
    DateTimeOffset? CancelledAt)
{
    public static BookingView Of(Booking b) =>
        new(b.Id, b.SiteId, b.OrgId, b.From, b.To, b.ActivityId, b.State, b.BookedBy, b.BookedAt, b.CancelledBy, b.CancelledAt);
}
