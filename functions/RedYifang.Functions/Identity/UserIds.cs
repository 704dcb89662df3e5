using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Identity;

public static class UserIds
{
    /// <summary>
    /// A user's id follows from their WeChat open id (so sign-in needs no look-up table), but does not
    /// reveal it.
    /// </summary>
    public static string FromOpenId(string openId) => Keys.StableId("usr", "wechat-openid:" + openId);
}
