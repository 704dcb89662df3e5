using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.WeChat;

/// <summary>What a caller of the push URL meets when the push cannot be trusted.</summary>
public static class WeChatPushProblems
{
    public static ForbiddenException SignatureInvalid() =>
        new("wechat_signature_invalid",
            new("微信消息推送签名无效", "The WeChat push signature is not valid"),
            new("signature 须为 Token、timestamp、nonce 按字典序拼接后的 SHA-1。",
                "signature must be the SHA-1 of the Token, timestamp and nonce sorted and joined."));

    public static UnavailableException NotConfigured() =>
        new("wechat_push_not_configured",
            new("未配置微信消息推送", "WeChat message push is not configured"),
            new("管理员尚未设置消息推送的 Token（WeChatPush:Token）。", "The push Token (WeChatPush:Token) is not set."));
}
