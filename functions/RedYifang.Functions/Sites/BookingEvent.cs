using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Sites;

/// <summary>What happened to a booking; each carries the booking as it is after the event and its site.</summary>
public abstract record BookingEvent(Site Site, Booking Booking) : IDomainEvent
{
    public DateTimeOffset At => Booking.UpdatedAt;

    public sealed record Booked(Site Site, Booking Booking) : BookingEvent(Site, Booking);

    public sealed record Cancelled(Site Site, Booking Booking) : BookingEvent(Site, Booking);
}
