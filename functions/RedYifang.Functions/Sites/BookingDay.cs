namespace RedYifang.Functions.Sites;

/// <summary>
/// A site's active bookings on one day of China's calendar, as the day's lock row holds them (<see cref="SiteStore"/>): every
/// booking lies inside one day's opening window, so a new one can only overlap those of its own day.
/// </summary>
public sealed record BookingDay(IReadOnlyList<BookingDay.Slot> Slots)
{
    public static readonly BookingDay Empty = new([]);

    public sealed record Slot(string BookingId, DateTimeOffset From, DateTimeOffset To);

    /// <summary>The first active booking [from, to) would overlap, or null.</summary>
    public Slot? Clash(DateTimeOffset from, DateTimeOffset to) => Slots.FirstOrDefault(s => Booking.Overlaps(from, to, s.From, s.To));

    public BookingDay With(Booking booking) =>
        new([.. Slots, new Slot(booking.Id, booking.From, booking.To)]);

    public BookingDay Without(string bookingId) => new([.. Slots.Where(s => s.BookingId != bookingId)]);
}
