using System.Globalization;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>The problems only sites and their bookings raise.</summary>
public static class SiteProblems
{
    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The time overlaps an active booking of the site (never said whose: only when).</summary>
    public static ConflictException BookingConflict(BookingDay.Slot clash) =>
        new("booking_conflict",
            new("该时段已被预约", "The site is booked at that time"),
            new LocalizedText("与已有预约（{0} 至 {1}，北京时间）时间重叠。", "It overlaps a booking from {0} to {1} (China Standard Time).")
                .Format(Instant(clash.From), Instant(clash.To)));

    public static RuleViolationException OutsideOpeningHours(Site site) =>
        new("outside_opening_hours",
            new("不在阵地开放时间内", "Outside the site's opening hours"),
            new LocalizedText("预约须在同一天的开放时间之内（北京时间）：{0}。", "A booking lies within one day's opening hours (China Standard Time): {0}.")
                .Format(string.Join(", ", site.OpeningHours.Select(d => $"{d.Key} {d.Value}"))),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["from"] = [new("不在开放时间内", "is outside the opening hours")] });

    /// <summary>A site not shared is booked by its owner only.</summary>
    public static ForbiddenException NotShared() =>
        new("site_not_shared",
            new("该阵地未开放共享", "The site is not shared"),
            new("未开放共享（阵地联用）的阵地只能由其所属组织预约。", "A site that is not shared is booked by the organisation that keeps it only."));

    /// <summary>A shared site is booked by the organisations of its street only.</summary>
    public static ForbiddenException OtherStreet() =>
        new("site_other_street",
            new("预约组织不在该阵地所在街道", "The organisation is outside the site's street"),
            new("共享阵地只能由同一街道的组织预约。", "A shared site is booked by the organisations of its street only."));
}
