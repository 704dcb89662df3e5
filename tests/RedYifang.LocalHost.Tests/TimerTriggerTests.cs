namespace RedYifang.LocalHost.Tests;

[Collection("sample")]
public sealed class TimerTriggerTests(SampleAppFixture fixture)
{
    [Fact]
    public async Task Runs_once_at_startup_then_on_its_six_field_schedule()
    {
        await Eventually.WaitAsync(async () => (await fixture.JournalAsync("tick")).Count >= 3, TimeSpan.FromSeconds(15));

        var ticks = (await fixture.JournalAsync("tick")).ConvertAll(t => t.GetString("Detail"));
        Assert.True(ticks.Count(t => t == "startup") == 1, string.Join(", ", ticks));
        Assert.True(ticks.Count(t => t == "scheduled") >= 2, string.Join(", ", ticks));
    }

    [Theory]
    [InlineData("0 0 18 * * *", "2026-11-29T17:59:59", "2026-11-29T18:00:00")]
    [InlineData("0 17 * * * *", "2026-11-29T10:17:00", "2026-11-29T11:17:00")]
    [InlineData("*/5 * * * *", "2026-11-29T10:01:00", "2026-11-29T10:05:00")]
    public void Parses_NCRONTAB_with_and_without_seconds(string expression, string after, string next) =>
        Assert.Equal(DateTime.Parse(next), TimerTriggerScheduler.Parse(expression).GetNextOccurrence(DateTime.Parse(after)));
}
