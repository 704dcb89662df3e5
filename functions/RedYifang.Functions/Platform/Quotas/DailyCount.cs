using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>How many times a user did something on one day (China's day): the state of one daily quota.</summary>
public sealed record DailyCount(DateOnly Day, int Count)
{
    /// <summary>The count after one more today, or null when <paramref name="limit"/> is reached; a count of another day starts over.</summary>
    public static DailyCount? Take(DailyCount? current, DateOnly today, int limit)
    {
        var count = current is { } c && c.Day == today ? c.Count : 0;
        return count >= limit ? null : new DailyCount(today, count + 1);
    }

    /// <summary>The count with one given back (a take whose action then failed); never below zero, nothing for another day.</summary>
    public static DailyCount? Return(DailyCount? current, DateOnly today) =>
        current is { } c && c.Day == today && c.Count > 0 ? c with { Count = c.Count - 1 } : null;

    /// <summary>How long until the next day begins in China, when the quota starts over.</summary>
    public static TimeSpan UntilTomorrow(DateTimeOffset now)
    {
        var tomorrow = ChinaTime.At(ChinaTime.Today(now).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeOnly.MinValue);
        return tomorrow - now;
    }
}
