namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// WeChat's message push (消息推送) to <c>api/v1/wechat/events</c>: the Token (令牌) entered with the URL in the mini-program's
/// console, which WeChat signs every push with. Plaintext (明文) or compatible (兼容) mode with the JSON data format.
/// </summary>
public sealed class WeChatPushOptions
{
    public const string Section = "WeChatPush";

    /// <summary>
    /// The Token (Key Vault in Azure; never in the repo). Empty: every push and the URL check answer 503
    /// <c>wechat_push_not_configured</c>, since a signature over an empty token proves nothing.
    /// </summary>
    public string Token { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrEmpty(Token);
}
