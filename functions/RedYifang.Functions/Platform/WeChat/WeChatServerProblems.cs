using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>What callers of WeChat's server APIs meet when WeChat cannot be used; each caller decides what that means for it.</summary>
public static class WeChatServerProblems
{
    public static UnavailableException Unavailable() =>
        new("wechat_unavailable",
            new("暂时无法连接微信服务", "WeChat cannot be reached"),
            new("请稍后重试。", "Try again shortly."))
        { RetryAfter = TimeSpan.FromSeconds(5) };

    public static UnavailableException NotConfigured() =>
        new("wechat_not_configured",
            new("未配置微信小程序", "The WeChat mini-program is not configured"),
            new("管理员尚未设置小程序 AppID 与 AppSecret。", "The mini-program's AppID and AppSecret are not set."));

    public static UpstreamFailedException Refused(int errCode) =>
        new("wechat_error",
            new("微信服务返回了异常结果", "WeChat gave an unexpected answer"),
            new($"微信错误码 {errCode}。", $"WeChat error code {errCode}."));
}
