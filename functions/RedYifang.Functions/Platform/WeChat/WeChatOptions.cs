using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Platform.WeChat;

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

    /// <summary>
    /// The server access token is renewed this long before WeChat's stated expiry, so no call carries a token that dies on
    /// the way. Under five minutes: WeChat's stable_token hands out the next token only in the last five minutes of the
    /// current one (and keeps both alive meanwhile), so a renewal earlier than that would get the same token back.
    /// </summary>
    [TimeSpanRange("00:00:10", "00:04:50")]
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long one instance holds the right to renew the shared token before another may take it over.</summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan TokenLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The server side (access token, messages, content security) is usable only with both settings.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppSecret);
}
