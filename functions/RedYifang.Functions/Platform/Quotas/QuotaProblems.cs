using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>The 429s of the quotas: each names its limit in <c>code</c> and says when to try again.</summary>
public static class QuotaProblems
{
    public static TooManyRequestsException SignInsFromAddress(TimeSpan retryAfter) =>
        new("too_many_sign_ins",
            new("登录过于频繁", "Too many sign-ins"),
            new("此网络地址的登录次数过多，请稍后再试。", "Too many sign-ins from this network address; try again later."))
        { RetryAfter = retryAfter };

    public static TooManyRequestsException SignInsOfUser(TimeSpan retryAfter) =>
        new("too_many_sign_ins",
            new("登录过于频繁", "Too many sign-ins"),
            new("该账号登录次数过多，请稍后再试。", "Too many sign-ins of this account; try again later."))
        { RetryAfter = retryAfter };

    public static TooManyRequestsException DailyQuota(string code, int limit, TimeSpan retryAfter) =>
        new(code,
            new("已达今日上限", "Today's limit is reached"),
            new LocalizedText("每天最多 {0} 次，请明天再试。", "At most {0} a day; try again tomorrow.").Format(limit))
        { RetryAfter = retryAfter };

    public static TooManyRequestsException TooManyPending(string code, LocalizedText detail, TimeSpan retryAfter) =>
        new(code, new("未完成的上传过多", "Too many uploads pending"), detail) { RetryAfter = retryAfter };
}
