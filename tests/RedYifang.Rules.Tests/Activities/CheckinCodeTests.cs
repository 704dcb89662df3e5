using System.Text;
using RedYifang.Functions.Activities;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>
/// The check-in code: RFC 6238's own test vectors (HMAC-SHA1), the 30-second step, and which steps a code is accepted in —
/// its own and the next, never the one after, never an earlier or a later one.
/// </summary>
public sealed class CheckinCodeTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly string Secret = Convert.ToBase64String(RfcSecret);

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void The_codes_are_RFC_6238s_test_vectors(long unixSeconds, string expected)
    {
        var step = CheckinCode.StepOf(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, CheckinCode.Of(RfcSecret, step, digits: 8));
        Assert.Equal(expected[2..], CheckinCode.Of(RfcSecret, step));                     // six digits: the same number mod 10^6
    }

    [Fact]
    public void A_step_is_30_seconds_and_the_shown_code_is_valid_until_the_next_step_begins()
    {
        var stepStart = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);                  // a multiple of 30

        Assert.Equal(60_000_000L, CheckinCode.StepOf(stepStart));
        Assert.Equal(60_000_000L, CheckinCode.StepOf(stepStart.AddSeconds(29.999)));
        Assert.Equal(60_000_001L, CheckinCode.StepOf(stepStart.AddSeconds(30)));
        Assert.Equal(stepStart.AddSeconds(30), CheckinCode.EndOf(CheckinCode.StepOf(stepStart.AddSeconds(12))));
        Assert.Equal(CheckinCode.At(Secret, stepStart), CheckinCode.At(Secret, stepStart.AddSeconds(29)));
        Assert.NotEqual(CheckinCode.At(Secret, stepStart), CheckinCode.At(Secret, stepStart.AddSeconds(30)));
    }

    [Fact]
    public void A_code_is_accepted_in_its_own_step_and_the_next_only()
    {
        var shown = DateTimeOffset.FromUnixTimeSeconds(1_800_000_010);
        var code = CheckinCode.At(Secret, shown);

        Assert.True(CheckinCode.Accepts(Secret, code, shown));
        Assert.True(CheckinCode.Accepts(Secret, code, shown.AddSeconds(19)));                // the same step's last second
        Assert.True(CheckinCode.Accepts(Secret, code, shown.AddSeconds(20)));                // the next step: still accepted
        Assert.True(CheckinCode.Accepts(Secret, code, shown.AddSeconds(49)));
        Assert.False(CheckinCode.Accepts(Secret, code, shown.AddSeconds(50)));               // two steps on: stale
        Assert.False(CheckinCode.Accepts(Secret, code, shown.AddSeconds(-11)));              // the step before it was shown
    }

    [Fact]
    public void Another_activitys_secret_or_a_malformed_code_is_refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_010);
        var other = Convert.ToBase64String(Encoding.ASCII.GetBytes("ABCDEFGHIJKLMNOPQRST"));
        var code = CheckinCode.At(Secret, now);

        Assert.False(CheckinCode.Accepts(other, code, now));
        Assert.False(CheckinCode.Accepts(Secret, null, now));
        Assert.False(CheckinCode.Accepts(Secret, code + "0", now));
        Assert.False(CheckinCode.Accepts(Secret, code[..5], now));
        Assert.False(CheckinCode.Accepts(Secret, "١٢٣٤٥٦", now));                           // Arabic-Indic digits are not ASCII digits
    }

    [Fact]
    public void Each_activity_gets_a_secret_of_its_own_of_160_bits()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => CheckinCode.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.Equal(20, Convert.FromBase64String(s).Length));
        Assert.Equal(50, secrets.Distinct().Count());
    }
}
