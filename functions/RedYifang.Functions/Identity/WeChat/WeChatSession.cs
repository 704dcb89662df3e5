namespace RedYifang.Functions.Identity.WeChat;

/// <summary>The open id WeChat vouches for. The session key is deliberately not kept.</summary>
public sealed record WeChatSession(string OpenId, string? UnionId);
