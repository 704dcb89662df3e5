using System.ComponentModel.DataAnnotations;
using RedYifang.Functions.Platform;

namespace RedYifang.Functions.Identity.WeChat;

public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    /// <summary>WeChat's API base. Tests point it at a loopback server that plays WeChat.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>The mini-program's AppID. Empty: WeChat sign-in answers 503 (not configured).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The mini-program's AppSecret (Key Vault in Azure; never in the repo).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Time allowed for one call to WeChat.</summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a transient failure (network, timeout, HTTP 5xx, errcode -1 "system busy").</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    [TimeSpanRange("00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
