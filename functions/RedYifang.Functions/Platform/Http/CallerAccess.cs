using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Platform.Http;

/// <summary>The request's caller, as the pipeline authenticated it.</summary>
public static class CallerAccess
{
    private const string Key = "RedYifang.Caller";

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>The authenticated caller; the pipeline has refused the request before a function runs without one.</summary>
    public static Caller Caller(this HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(Key, out var value) && value is Caller caller
            ? caller
            : throw Problems.Problems.Unauthenticated();
}
