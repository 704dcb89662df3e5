using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>Opening hours as the API takes them (weekday → one HH:mm-HH:mm window, China Standard Time), and what they cover.</summary>
public sealed class OpeningHoursTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static OpeningHours Hours(params (string Day, string? Window)[] days) =>
        OpeningHours.Parse(new Validator(), "openingHours", days.ToDictionary(d => d.Day, d => d.Window))!;

    private static Dictionary<string, string[]> Errors(params (string Day, string? Window)[] days)
    {
        var v = new Validator();
        Assert.Null(OpeningHours.Parse(v, "openingHours", days.ToDictionary(d => d.Day, d => d.Window)));
        var refused = Assert.Throws<ValidationFailedException>(v.ThrowIfInvalid);
        return refused.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(m => m.En).ToArray());
    }

    [Fact]
    public void Valid_hours_read_back_Monday_first_with_the_days_left_out_closed()
    {
        var hours = Hours(("sat", "09:00-12:00"), ("mon", "08:00-20:00"));

        Assert.Equal(["mon", "sat"], hours.ToText().Keys);
        Assert.Equal(new OpeningHours.Window(new TimeOnly(8, 0), new TimeOnly(20, 0)), hours.On(DayOfWeek.Monday));
        Assert.Null(hours.On(DayOfWeek.Tuesday));
        Assert.Equal("09:00-12:00", OpeningHours.FromText(hours.ToText()).ToText()["sat"]);
    }

    [Theory]
    [InlineData("8:00-20:00")]
    [InlineData("08:00-24:00")]
    [InlineData("20:00-08:00")]
    [InlineData("09:00-09:00")]
    [InlineData("08:00–20:00")]
    [InlineData("08:00-20:00\n")]
    [InlineData(" 08:00-20:00")]
    [InlineData("٠٨:٠٠-٢٠:٠٠")]
    [InlineData("０８:００-２０:００")]
    [InlineData("08:60-20:00")]
    [InlineData("")]
    [InlineData(null)]
    public void A_window_that_is_not_ASCII_HH_mm_opening_before_closing_is_refused_naming_its_day(string? window) =>
        Assert.Equal(["must be HH:mm-HH:mm (China Standard Time), opening before closing"], Errors(("mon", window))["openingHours.mon"]);

    [Theory]
    [InlineData("Mon")]
    [InlineData("monday")]
    [InlineData("1")]
    [InlineData("mon ")]
    public void A_key_that_is_not_mon_to_sun_is_refused(string key) =>
        Assert.Equal(["keys must be one of mon, tue, wed, thu, fri, sat, sun"], Errors((key, "08:00-20:00"))["openingHours"]);

    [Fact]
    public void No_open_day_at_all_is_refused_and_absent_hours_are_required()
    {
        Assert.Equal(["needs at least one open day"], Errors()["openingHours"]);
        var v = new Validator();
        Assert.Null(OpeningHours.Parse(v, "openingHours", null));
        Assert.Equal(["is required"], Assert.Throws<ValidationFailedException>(v.ThrowIfInvalid).Errors!["openingHours"].Select(m => m.En));
        Assert.Null(OpeningHours.Parse(new Validator(), "openingHours", null, required: false));
    }

    [Fact]
    public void A_time_is_covered_inside_its_days_window_edges_included()
    {
        var hours = Hours(("mon", "08:00-20:00"), ("sat", "09:00-12:00"));
        var monday = new DateTimeOffset(2026, 6, 1, 0, 0, 0, Cst);

        Assert.True(hours.Covers(monday.AddHours(8), monday.AddHours(20)));
        Assert.True(hours.Covers(monday.AddHours(9), monday.AddHours(10.5)));
        Assert.False(hours.Covers(monday.AddHours(7.5), monday.AddHours(9)));                    // opens at 08:00
        Assert.False(hours.Covers(monday.AddHours(19), monday.AddHours(20).AddMinutes(1)));      // closes at 20:00
        Assert.False(hours.Covers(monday.AddDays(1).AddHours(9), monday.AddDays(1).AddHours(10))); // Tuesday: closed
        Assert.True(hours.Covers(monday.AddDays(5).AddHours(9), monday.AddDays(5).AddHours(12))); // Saturday
        Assert.False(hours.Covers(monday.AddHours(10), monday.AddHours(10)));                    // empty
    }

    [Fact]
    public void The_day_and_time_are_China_Standard_Times_whatever_offset_the_instants_carry()
    {
        var hours = Hours(("mon", "08:00-20:00"));
        // Sunday 23:30 UTC is Monday 07:30 in China: before opening; Monday 01:00 UTC is Monday 09:00 in China: open.
        static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, day == 31 ? 5 : 6, day, hour, minute, 0, TimeSpan.Zero);
        Assert.False(hours.Covers(Utc(31, 23, 30), Utc(1, 1)));
        Assert.True(hours.Covers(Utc(1, 1), Utc(1, 2)));
    }

    [Fact]
    public void A_time_running_past_midnight_is_never_covered_even_where_both_days_are_open_all_day()
    {
        var hours = Hours(("mon", "00:00-23:59"), ("tue", "00:00-23:59"));
        var monday = new DateTimeOffset(2026, 6, 1, 0, 0, 0, Cst);

        Assert.False(hours.Covers(monday.AddHours(23), monday.AddHours(25)));
        Assert.True(hours.Covers(monday.AddHours(23), monday.AddHours(23).AddMinutes(59)));
    }
}
