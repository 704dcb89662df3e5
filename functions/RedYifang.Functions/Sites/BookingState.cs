namespace RedYifang.Functions.Sites;

/// <summary>Where a booking stands: active (it holds its time) until the booker cancels it (final; the time is free again).</summary>
public enum BookingState
{
    Active,
    Cancelled,
}
