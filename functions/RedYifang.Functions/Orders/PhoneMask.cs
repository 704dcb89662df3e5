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

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();
}
