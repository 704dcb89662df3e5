using System.Globalization;
using System.Text.RegularExpressions;

namespace RedYifang.Functions.Funding;

/// <summary>
/// An amount of yuan, exact: a count of fen (分) in a <see cref="long"/>, never a floating-point number. It enters and leaves
/// the API as a decimal string with at most two places (<c>"1000.00"</c>, <c>"0.1"</c>, <c>"7"</c>), ASCII digits only, at most
/// <see cref="Max"/>; arithmetic is on fen, checked for overflow, so three times 0.10 is 0.30 exactly.
/// </summary>
public readonly partial record struct Money(long Fen) : IComparable<Money>, IComparable
{
    /// <summary>The largest amount accepted: one hundred billion yuan, far above any budget here, far below overflow.</summary>
    public static readonly Money Max = new(10_000_000_000_000);

    public static readonly Money Zero = new(0);

    /// <summary>Parses a non-negative amount; false for anything else (signs, exponents, spaces, other digits, three places).</summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        if (text is null || AmountPattern().Match(text) is not { Success: true } m) return false;
        var yuan = long.Parse(m.Groups["yuan"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var places = m.Groups["fen"].Value.PadRight(2, '0');
        var fen = places.Length == 0 ? 0 : long.Parse(places, NumberStyles.None, CultureInfo.InvariantCulture);
        if (yuan > Max.Fen / 100) return false;
        money = new Money((yuan * 100) + fen);
        return money <= Max;
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"Not an amount of yuan: '{text}'.");

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator *(Money a, int times) => new(checked(a.Fen * times));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public int CompareTo(object? obj) => obj is Money other ? CompareTo(other) : 1;

    /// <summary>Yuan with two places, a minus sign when negative: <c>"1000.00"</c>, <c>"0.30"</c>, <c>"-5.05"</c>.</summary>
    public override string ToString()
    {
        var abs = Math.Abs(Fen);
        return string.Create(CultureInfo.InvariantCulture, $"{(Fen < 0 ? "-" : "")}{abs / 100}.{abs % 100:00}");
    }

    /// <summary>Digits 0–9 only (<c>\d</c> would take other scripts' digits), no leading zeros, one or two places.</summary>
    [GeneratedRegex(@"^(?<yuan>0|[1-9][0-9]{0,13})(\.(?<fen>[0-9]{1,2}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
