using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>What a caller of the push URL meets when the push cannot be trusted.</summary>
public static class WeChatPushProblems
{
    public static ForbiddenException SignatureInvalid() =>
        new("wechat_signature_invalid",
            new("微信消息推送签名无效", "The WeChat push signature is not valid"),
            new("signature 须为 Token、timestamp、nonce 按字典序拼接后的 SHA-1；安全模式下 msg_signature 须为 Token、timestamp、nonce、Encrypt 的。",
                "signature must be the SHA-1 of the Token, timestamp and nonce sorted and joined; in secure mode msg_signature that of "
                + "the Token, timestamp, nonce and Encrypt."));

    /// <summary>Secure mode is configured and the push is not encrypted (no <c>encrypt_type=aes</c>): never read.</summary>
    public static ForbiddenException EncryptionRequired() =>
        new("wechat_push_encryption_required",
            new("微信消息推送须为安全模式", "The WeChat push must be encrypted"),
            new("已配置 EncodingAESKey，只接受安全模式（encrypt_type=aes、msg_signature）的推送；请在小程序后台选择安全模式。",
                "WeChatPush:EncodingAESKey is set: only secure-mode pushes (encrypt_type=aes, msg_signature) are accepted; choose "
                + "secure mode in the mini-program console."));

    /// <summary>A push signed over its ciphertext that does not decrypt to a message for this app.</summary>
    public static ForbiddenException DecryptionFailed() =>
        new("wechat_push_decryption_failed",
            new("微信消息推送无法解密", "The WeChat push could not be decrypted"),
            new("Encrypt 不能用 EncodingAESKey 解密为发给本小程序（WeChat:AppId）的消息；请核对后台的 EncodingAESKey。",
                "Encrypt does not decrypt with WeChatPush:EncodingAESKey to a message for this mini-program (WeChat:AppId); check "
                + "that the console's EncodingAESKey is the one set here."));

    public static UnavailableException NotConfigured() =>
        new("wechat_push_not_configured",
            new("未配置微信消息推送", "WeChat message push is not configured"),
            new("管理员尚未设置消息推送的 Token（WeChatPush:Token）。", "The push Token (WeChatPush:Token) is not set."));

    /// <summary>WeChat sent a push encrypted only (secure mode in the console) and this app has no EncodingAESKey to read it.</summary>
    public static UnavailableException KeyNotConfigured() =>
        new("wechat_push_not_configured",
            new("未配置微信消息推送", "WeChat message push is not configured"),
            new("推送已加密（安全模式），管理员尚未设置 EncodingAESKey（WeChatPush:EncodingAESKey）。",
                "The push is encrypted (secure mode) and WeChatPush:EncodingAESKey is not set."));
}
