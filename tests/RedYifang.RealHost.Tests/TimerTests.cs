using System.Text.Json.Nodes;

namespace RedYifang.RealHost.Tests;

/// <summary>A timer trigger whose schedule comes from a setting (%Assessment:Schedule%), fired by the Functions host.</summary>
[Collection("real host")]
public sealed class TimerTests(RealHostFixture fixture)
{
    /// <summary>Every five seconds, instead of 02:00 China time.</summary>
    public const string Schedule = "*/5 * * * * *";

    [Fact]
    public async Task The_assessment_timer_on_a_test_schedule_publishes_this_years_ranking()
    {
        // Only the timer ranks a year (the run test ranks a past month), so this ranking is the timer's work.
        var year = $"{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy}";
        JsonObject ranking = [];
        await Eventually.WaitAsync(async () =>
        {
            var response = await fixture.App.SendAsync(HttpMethod.Get, $"api/v1/rankings/{year}?districtId={fixture.District.DistrictId}");
            if ((int)response.StatusCode != 200) return false;
            ranking = await response.JsonAsync();
            // A run that fired before the fixture made its district ranks without it; the next one has it.
            return ranking["items"]!.AsArray().Any(i => i.Str("orgId") == fixture.District.CommunityId);
        }, TimeSpan.FromSeconds(30));

        Assert.Equal(year, ranking.Str("period"));
        Assert.False(ranking["final"]!.GetValue<bool>());
        Assert.Contains(ranking["items"]!.AsArray(), i => i.Str("orgId") == fixture.District.CommunityId);
    }
}
