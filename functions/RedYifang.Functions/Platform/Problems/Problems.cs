
namespace RedYifang.Functions.Platform.Problems;

/// <summary>The problems every feature shares. Feature-specific ones live with their feature.</summary>
public static class Problems
{
    public static ValidationFailedException Validation(IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>> errors) =>
        new("validation_failed",
            new("请求参数有误", "The request is not valid"),
            new("请按字段提示修改后重试。", "Correct the fields listed in errors and try again."),
            errors);

    public static MalformedRequestException MalformedJson() =>
        new("malformed_json",
            new("请求体不是有效的 JSON", "The request body is not valid JSON"),
            new("请发送 UTF-8 编码的 JSON 对象，每个字段只出现一次。", "Send a UTF-8 encoded JSON object, each key once."));

    public static UnsupportedMediaTypeException NotJson() =>
        new("unsupported_media_type",
            new("不支持的请求体类型", "Unsupported media type"),
            new("请求体须为 JSON（Content-Type: application/json）。", "The body must be JSON (Content-Type: application/json)."));

    public static MethodNotAllowedException MethodNotAllowed(IReadOnlyList<string> allowed) =>
        new("method_not_allowed",
            new("不支持该请求方法", "Method not allowed"),
            allowed,
            new LocalizedText("此路径支持：{0}。", "This path takes: {0}.").Format(string.Join(", ", allowed)));

    public static PayloadTooLargeException PayloadTooLarge(long limit) =>
        new("payload_too_large",
            new("请求体过大", "The request body is too large"),
            new LocalizedText("请求体不能超过 {0} 字节。", "The request body may not exceed {0} bytes.").Format(limit));

    public static UnauthenticatedException Unauthenticated() =>
        new("unauthenticated",
            new("需要登录", "Sign-in required"),
            new("请携带有效的访问令牌（Authorization: Bearer …）。", "Send a valid access token (Authorization: Bearer …)."));

    public static ForbiddenException Forbidden() =>
        new("forbidden",
            new("无权执行此操作", "You may not do this"),
            new("该操作超出了您的角色范围。", "This action is outside the scope of your roles."));

    /// <summary>The things a 404 names, in Chinese (an English word in a Chinese sentence reads as a fault).</summary>
    public static readonly IReadOnlyDictionary<string, string> Nouns = new Dictionary<string, string>
    {
        ["activity"] = "活动", ["agreement"] = "共建协议", ["alliance"] = "党建联盟", ["alliance member"] = "联盟成员",
        ["committee member"] = "兼职委员", ["meeting"] = "联席会议", ["attendance"] = "出勤记录", ["evidence"] = "痕迹材料",
        ["matching run"] = "匹配批次", ["object"] = "对象", ["order"] = "订单", ["organisation"] = "组织", ["party member"] = "党员",
        ["party member report"] = "党员报到", ["points rules"] = "积分规则",
        ["ranking"] = "排名", ["resource"] = "服务资源", ["route"] = "路径", ["site"] = "阵地", ["booking"] = "预约",
        ["movement"] = "资金流水", ["notification"] = "通知", ["moderation item"] = "审核事项",
    };

    public static NotFoundException NotFound(string what) =>
        new("not_found",
            new("未找到", "Not found"),
            new LocalizedText($"{Nouns.GetValueOrDefault(what, what)}不存在或不在您的权限范围内。",
                $"The {what} does not exist or is outside your scope."));

    /// <summary>A field names something (an organisation, a resource) that does not exist or does not fit.</summary>
    public static RuleViolationException InvalidReference(string field, LocalizedText message) =>
        new("invalid_reference", new("引用的对象无效", "A referenced object is not valid"), message,
            new Dictionary<string, IReadOnlyList<LocalizedText>> { [field] = [message] });

    public static ConflictException Conflict() =>
        new("conflict",
            new("数据已被他人修改", "The data was changed by someone else"),
            new("请刷新后重试。", "Reload and try again."));

    /// <summary>An <c>If-Match</c> that is not the current version's ETag (a lost update prevented).</summary>
    public static PreconditionFailedException PreconditionFailed() =>
        new("precondition_failed",
            new("数据已更新，版本不符", "The version has changed"),
            new("If-Match 不是当前版本的 ETag：请重新读取后再修改。", "If-Match is not the current version's ETag: read it again, then change it."));

    public static UnavailableException StorageUnavailable() =>
        new("storage_unavailable",
            new("存储服务暂时不可用", "Storage is temporarily unavailable"),
            new("请稍后重试。", "Try again later."))
        { RetryAfter = Storage.StorageOutage.RetryAfter };
}
