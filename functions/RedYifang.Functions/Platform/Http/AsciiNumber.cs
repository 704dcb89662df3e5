namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// Numbers in query strings and paths: ASCII digits only, no sign, no spaces, bounded length. <c>int.TryParse</c> also
/// takes " 5", "+5" and "5 "; a client has no reason to send anything but 0–9.
/// </summary>
public static class AsciiNumber
{
    public static bool TryParse(string? text, int maxDigits, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > Math.Min(maxDigits, 9)) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
