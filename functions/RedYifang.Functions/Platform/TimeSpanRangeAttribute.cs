using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RedYifang.Functions.Platform;

/// <summary>
/// A setting's duration between two bounds, inclusive: <c>[TimeSpanRange("00:00:01", "00:10:00")]</c>. In place of
/// <c>[TimeSpanRange(…)]</c>, which converts its bounds on first use without a lock: two hosts in one process
/// validating their options at once (the test tiers start several) made it throw <see cref="InvalidCastException"/> now and
/// then (51 times in 200,000 with two threads, .NET 10.0.12). These bounds are parsed once, here, before any use.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, "The field {0} must be between {1} and {2}.", name, Minimum, Maximum);
}
