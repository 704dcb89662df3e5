using System.Globalization;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

/// <summary>An RFC 9457 problem as the HTTP edge writes it: the status, code and texts, and its extra headers.</summary>
public sealed record Problem(
    int Status,
    string Code,
    LocalizedText Title,
    LocalizedText? Detail,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>>? Errors,
    IReadOnlyDictionary<string, string> Headers)
{
    public static Problem Of(DomainException exception)
    {
        var headers = new Dictionary<string, string>();
        if (exception is UnauthenticatedException) headers["WWW-Authenticate"] = "Bearer";
        if (exception is MethodNotAllowedException notAllowed) headers["Allow"] = string.Join(", ", notAllowed.Allowed);
        if (exception.RetryAfter is { } wait)
        {
            headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return new(ProblemStatus.Of(exception), exception.Code, exception.Title, exception.Detail, exception.Errors, headers);
    }

    /// <summary>What a caller sees of a fault: its trace id, no internals.</summary>
    public static Problem Internal(string traceId) =>
        new(500, "internal_error",
            new("服务器内部错误", "Internal server error"),
            new LocalizedText("请稍后重试；如持续出现，请提供追踪号 {0}。", "Try again later; if it persists, quote trace id {0}.").Format(traceId),
            null, new Dictionary<string, string>());
}
