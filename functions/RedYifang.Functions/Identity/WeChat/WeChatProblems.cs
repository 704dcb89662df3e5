using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.Identity.WeChat;

public static class WeChatProblems
{
    public static ValidationFailedException InvalidCode() =>
        new( "wechat_invalid_code",
            new("微信登录凭证无效", "The WeChat login code is not valid"),
            new("登录凭证已使用或已过期，请重新调用 wx.login() 获取。", "The code was used or has expired; call wx.login() again."));

    public static ValidationFailedException InvalidWebCode() =>
        new( "wechat_invalid_code",
            new("微信登录凭证无效", "The WeChat login code is not valid"),
            new("二维码登录凭证已使用或已过期，请重新扫码。", "The code was used or has expired; scan the QR code again."));

    public static ForbiddenException NotStaff(string userId) =>
        new( "console_staff_only",
            new("该微信账号没有管理后台权限", "This WeChat account has no console role"),
            new($"管理后台仅供工作人员使用。请将用户编号 {userId} 告知管理员授予角色。",
                $"The console is for staff. Ask an administrator to grant a role to user {userId}."));

    public static TooManyRequestsException RateLimited() =>
        new( "wechat_rate_limited",
            new("登录过于频繁", "Too many sign-in attempts"),
            new("请一分钟后再试。", "Try again in a minute."))
        { RetryAfter = TimeSpan.FromSeconds(60) };

    public static ForbiddenException UserBlocked() =>
        new( "wechat_user_blocked",
            new("该微信用户被限制登录", "WeChat blocks this user from signing in"),
            new("微信判定该账号存在风险，暂不能登录。", "WeChat judged this account high-risk."));

    public static UnavailableException Busy() =>
        new( "wechat_busy",
            new("微信服务繁忙", "WeChat is busy"),
            new("请稍后重试。", "Try again shortly."))
        { RetryAfter = TimeSpan.FromSeconds(5) };

    /// <summary>The same answer as every other call to WeChat out of reach.</summary>
    public static UnavailableException Unavailable() => WeChatServerProblems.Unavailable();

    public static UpstreamFailedException UnexpectedReply() =>
        new( "wechat_error",
            new("微信服务返回了异常结果", "WeChat gave an unexpected answer"),
            new("请稍后重试。", "Try again shortly."));

    public static UnavailableException NotConfigured() =>
        new( "wechat_not_configured",
            new("未配置微信登录", "WeChat sign-in is not configured"),
            new("管理员尚未设置小程序 AppID 与 AppSecret。", "The mini-program's AppID and AppSecret are not set."));
}
