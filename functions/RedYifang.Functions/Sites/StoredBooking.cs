using Azure;

namespace RedYifang.Functions.Sites;

/// <summary>A booking as read, with the storage ETag its next write is conditional on.</summary>
public sealed record StoredBooking(Booking Booking, ETag ETag);
