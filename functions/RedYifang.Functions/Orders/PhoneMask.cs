using System.Text.RegularExpressions;

namespace RedYifang.Functions.Orders;

public static partial class PhoneMask
{
    public static bool IsPhone(string text) => PhonePattern().IsMatch(text);

    /// <summary>13812341234 → 138****1234; other numbers keep only their last four digits.</summary>
    public static string Mask(string phone) =>
        phone.Length == 11
            ? phone[..3] + "****" + phone[^4..]
            : new string('*', Math.Max(phone.Length - 4, 0)) + phone[^Math.Min(4, phone.Length)..];

    // ASCII digits only, anchored at the very end (\z; $ would accept a trailing newline).
    [GeneratedRegex(@"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})\z")]
    private static partial Regex PhonePattern();
}
