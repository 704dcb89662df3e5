using System.ComponentModel.DataAnnotations;
using System.Reflection;
using RedYifang.Functions.Platform;

namespace RedYifang.Rules.Tests.Platform;

public sealed class TimeSpanRangeTests
{
    [Theory]
    [InlineData("00:00:00.999", false)]
    [InlineData("00:00:01", true)]
    [InlineData("00:10:00", true)]
    [InlineData("00:10:00.001", false)]
    public void Bounds_are_inclusive(string value, bool valid) =>
        Assert.Equal(valid, new TimeSpanRangeAttribute("00:00:01", "00:10:00").IsValid(TimeSpan.Parse(value)));

    [Fact]
    public void Names_the_setting_and_its_bounds() => Assert.Equal(
        "The field Lease must be between 00:00:05 and 00:10:00.",
        new TimeSpanRangeAttribute("00:00:05", "00:10:00").FormatErrorMessage("Lease"));

    /// <summary>Range(typeof(TimeSpan), …) is not safe when hosts start at once (see TimeSpanRangeAttribute): none is left.</summary>
    [Fact]
    public void No_setting_uses_a_TimeSpan_Range()
    {
        var ranged = typeof(TimeSpanRangeAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttribute<RangeAttribute>() is { OperandType: var type } && type == typeof(TimeSpan))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(ranged);
    }
}
