using System.Globalization;

namespace RedYifang.Functions.Platform.Periods;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving), in which every period, month, "today" and availability window of
/// the platform is reckoned. The one place that knows the offset. Texts use invariant digits whatever the culture.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as China's clocks show it.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Of(now).DateTime);

    /// <summary>"2026-11": the month an instant falls in.</summary>
    public static string Month(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time on a day in China, as an instant.</summary>
    public static DateTimeOffset At(DateTime day, TimeOnly time) => new(day.Date + time.ToTimeSpan(), Offset);
}
