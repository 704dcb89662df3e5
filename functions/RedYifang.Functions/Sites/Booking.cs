using System.Text.Json.Serialization;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>
/// A booking of a site (阵地联用) by an organisation for [<see cref="From"/>, <see cref="To"/>): inside one day's opening window
/// in China Standard Time, optionally for one of the organisation's activities. The booker's path is kept on it for the scope
/// checks of cancelling it. Its district is its site's.
/// </summary>
public sealed record Booking
{
    public required string Id { get; init; }
    public required string SiteId { get; init; }
    public required string DistrictId { get; init; }
    public required string OrgId { get; init; }
    public required IReadOnlyList<string> OrgPath { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public string? ActivityId { get; init; }
    public required BookingState State { get; init; }
    public required string BookedBy { get; init; }
    public required DateTimeOffset BookedAt { get; init; }
    public string? CancelledBy { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>When it last changed: booked, or cancelled.</summary>
    [JsonIgnore]
    public DateTimeOffset UpdatedAt => CancelledAt ?? BookedAt;

    /// <summary>Two times overlap when each starts before the other ends: [from, to) ranges, so back to back is no overlap.</summary>
    public static bool Overlaps(DateTimeOffset from, DateTimeOffset to, DateTimeOffset otherFrom, DateTimeOffset otherTo) =>
        from < otherTo && otherFrom < to;

    /// <summary>The booker's admins or liaisons cancel an active booking; a cancelled one stays cancelled (409).</summary>
    public Booking Cancel(string by, DateTimeOffset at) => State == BookingState.Active
        ? this with { State = BookingState.Cancelled, CancelledBy = by, CancelledAt = at }
        : throw new InvalidTransitionException("invalid_transition",
            new("预约已取消", "The booking is cancelled already"),
            new("该预约已被取消，不能再次取消。", "The booking was cancelled before; it cannot be cancelled again."));
}
