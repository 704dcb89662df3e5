using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Identity;

public static class UserIds
{
    private const string Prefix = "usr";

    /// <summary>
    /// A user's id follows from their WeChat open id (so sign-in needs no look-up table), but does not
    /// reveal it.
    /// </summary>
    public static string FromOpenId(string openId) => Keys.StableId(Prefix, "wechat-openid:" + openId);

    /// <summary>
    /// A console user WeChat gave no union id for: their id follows from the website app's open id (another namespace
    /// than the mini-program's).
    /// </summary>
    public static string FromWebOpenId(string openId) => Keys.StableId(Prefix, "wechat-web-openid:" + openId);

    /// <summary>True for an id this system could have issued to a user (whether or not that user exists).</summary>
    public static bool IsWellFormed(string? id) => Keys.IsWellFormedId(id) && id!.StartsWith(Prefix + "_", StringComparison.Ordinal);
}
