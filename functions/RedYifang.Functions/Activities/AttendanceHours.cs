namespace RedYifang.Functions.Activities;

/// <summary>
/// The hours a check-in counts: the overlap of check-in..check-out with the activity's start..end, in hours to two
/// decimals (rounded half away from zero). Without a check-out the record closes at the activity's end, and says so
/// (<see cref="Counted.ClosedAtEnd"/>); before the end it is still open (<see cref="Counted.Open"/>: the hours so far).
/// </summary>
public static class AttendanceHours
{
    public sealed record Counted(decimal Hours, bool ClosedAtEnd, bool Open);

    public static decimal Overlap(DateTimeOffset from, DateTimeOffset to, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var start = from > startsAt ? from : startsAt;
        var end = to < endsAt ? to : endsAt;
        return end <= start ? 0m : Math.Round((decimal)(end - start).Ticks / TimeSpan.TicksPerHour, 2, MidpointRounding.AwayFromZero);
    }

    public static Counted Of(DateTimeOffset checkedInAt, DateTimeOffset? checkedOutAt, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset now)
    {
        if (checkedOutAt is { } outAt) return new Counted(Overlap(checkedInAt, outAt, startsAt, endsAt), false, false);
        if (now >= endsAt) return new Counted(Overlap(checkedInAt, endsAt, startsAt, endsAt), true, false);
        return new Counted(Overlap(checkedInAt, now, startsAt, endsAt), false, true);
    }
}
