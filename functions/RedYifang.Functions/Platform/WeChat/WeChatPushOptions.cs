using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>
/// WeChat's message push (消息推送) to <c>api/v1/wechat/events</c>: the Token (令牌) entered with the URL in the mini-program's
/// console, which WeChat signs every push with, and in secure mode (安全模式) the EncodingAESKey it encrypts each push with.
/// JSON data format. Which mode to choose, and why: docs/content-security.md.
/// </summary>
public sealed class WeChatPushOptions
{
    public const string Section = "WeChatPush";

    /// <summary>
    /// The Token (Key Vault in Azure; never in the repo). Empty: every push and the URL check answer 503
    /// <c>wechat_push_not_configured</c>, since a signature over an empty token proves nothing.
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// The EncodingAESKey (消息加解密密钥, Key Vault in Azure): 43 letters and digits, as the console shows it. Set: secure mode,
    /// every push must come encrypted and signed over its ciphertext (<c>msg_signature</c>), and a plaintext push is refused 403
    /// <c>wechat_push_encryption_required</c>. Empty: plaintext or compatible mode (<c>signature</c> only).
    /// </summary>
    public string EncodingAESKey { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrEmpty(Token);

    public bool IsSecure => !string.IsNullOrEmpty(EncodingAESKey);
}

/// <summary>
/// Stops the app at start on an EncodingAESKey that cannot work: not 43 letters and digits (a copy that lost or gained a
/// character), or one without the Token its pushes are signed with or the AppId each encrypted push must name.
/// </summary>
public sealed class WeChatPushOptionsValidation(IOptions<WeChatOptions> weChat) : IValidateOptions<WeChatPushOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPushOptions options)
    {
        if (!options.IsSecure) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (WeChatPushCipher.ParseKey(options.EncodingAESKey) is null)
        {
            // The length only: the key is a secret and stays out of the log.
            errors.Add($"WeChatPush:EncodingAESKey must be the {WeChatPushCipher.EncodingKeyLength} letters and digits the "
                + "mini-program console shows (消息推送配置), the base64 of a 32-byte AES key without its '='; "
                + $"it has {options.EncodingAESKey.Length} characters");
        }
        if (!options.IsConfigured) errors.Add("WeChatPush:EncodingAESKey is set but WeChatPush:Token is not (msg_signature uses it)");
        if (string.IsNullOrEmpty(weChat.Value.AppId))
        {
            errors.Add("WeChatPush:EncodingAESKey is set but WeChat:AppId is not (each encrypted push names the app it is for)");
        }
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
