using System.Globalization;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Platform;

public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11", "2026-11-30")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12", "2026-12-01")]
    [InlineData("2026-12-31T16:30:00Z", "2027-01", "2027-01-01")]
    public void Months_and_days_are_China_Standard_Time(string instant, string month, string today)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        Assert.Equal(month, ChinaTime.Month(at));
        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), ChinaTime.Today(at));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Of(at).Offset);
    }

    [Fact]
    public void A_culture_with_another_calendar_changes_neither_months_nor_chain_hashes()
    {
        var at = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        var month = ChinaTime.Month(at);
        var link = HashChain.Link(HashChain.Genesis, new string('a', 64), "evd_x-1", at);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");      // Buddhist calendar: 2026 is 2569
            Assert.Equal(month, ChinaTime.Month(at));
            Assert.Equal(link, HashChain.Link(HashChain.Genesis, new string('a', 64), "evd_x-1", at));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        Assert.Equal("2026-11", month);
    }
}
