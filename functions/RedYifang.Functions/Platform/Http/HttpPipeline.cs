using System.Reflection;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// What every HTTP function gets, under the Functions host (through <see cref="HttpPipelineMiddleware"/>)
/// and the local host alike: the body limit, authentication, and errors as problem+json in the caller's language.
/// </summary>
public sealed partial class HttpPipeline(
    IAuthenticator authenticator,
    IOptions<HttpOptions> options,
    Storage.StorageOutage outage,
    ILogger<HttpPipeline> logger)
{
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>What each function's attributes say, read once per function rather than on every request.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, (bool Anonymous, long? MaxBodyBytes)> Endpoints
        = new();

    public async Task InvokeAsync(HttpContext http, MethodInfo function, Func<Task> next)
    {
        var language = RequestLanguage.Of(http.Request);
        try
        {
            var endpoint = Endpoints.GetOrAdd(
                function,
                m => (m.GetCustomAttribute<AnonymousAttribute>() is not null, m.GetCustomAttribute<MaxBodyBytesAttribute>()?.Bytes));
            var limit = endpoint.MaxBodyBytes ?? options.Value.MaxBodyBytes;
            http.Items[RequestBody.LimitKey] = limit;
            if (http.Request.ContentLength > limit) throw Problems.Problems.PayloadTooLarge(limit);
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
            if (!endpoint.Anonymous)
            {
                http.SetCaller(await authenticator.AuthenticateAsync(http.Request));
            }
            await next();
        }
        catch (Exception thrown)
        {
            // The worker's invoker hands middleware a faulted task's AggregateException (README: the two hosts), the local host
            // a reflection wrapper: classify what the function actually threw.
            switch (Unwrap(thrown))
            {
                case DomainException problem:
                    await WriteAsync(http, Problem.Of(problem), language);
                    break;
                case BadHttpRequestException { StatusCode: 413 }:
                    // The server's own body limit (set above from the function's) tripped while the body streamed in.
                    await WriteAsync(
                        http,
                        Problem.Of(Problems.Problems.PayloadTooLarge(http.Items[RequestBody.LimitKey] as long? ?? 0)),
                        language);
                    break;
                case RequestFailedException { Status: 412 }:
                    // A conditional write lost a race that its handler did not expect: never a silent overwrite.
                    await WriteAsync(http, Problem.Of(Problems.Problems.Conflict()), language);
                    break;
                case var _ when http.RequestAborted.IsCancellationRequested:
                    // The caller went away; there is nobody to answer.
                    break;
                case var e when Storage.StorageOutage.Is(e):
                    // Storage is down or failing: the client may retry later; one log line per outage window, no stack trace.
                    if (outage.ShouldLog()) LogStorageUnavailable(Storage.StorageOutage.Describe(e), function.Name);
                    await WriteAsync(http, Problem.Of(Problems.Problems.StorageUnavailable()), language);
                    break;
                case var e:
                    var traceId = TraceIds.Of(http);
                    LogUnhandled(e, function.Name, traceId);
                    await WriteAsync(http, Problem.Internal(traceId), language);
                    break;
            }
        }
    }

    /// <summary>What a function threw, out of the wrappers a host puts around it (a faulted task's, reflection's).</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                default:
                    return exception;
            }
        }
    }

    public static async Task WriteAsync(HttpContext http, Problem problem, Language language)
    {
        if (http.Response.HasStarted) return;
        http.Response.Clear();
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = ProblemContentType;
        http.Response.Headers.ContentLanguage = language == Language.English ? "en" : "zh-CN";
        foreach (var (name, value) in problem.Headers) http.Response.Headers[name] = value;
        await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(Render(http, problem, language), Json.Options));
    }

    private static Dictionary<string, object?> Render(HttpContext http, Problem problem, Language language)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"/problems/{problem.Code}",
            ["title"] = problem.Title.In(language),
            ["status"] = problem.Status,
            ["detail"] = problem.Detail?.In(language),
            ["code"] = problem.Code,
            ["instance"] = http.Request.Path.Value,
            ["traceId"] = TraceIds.Of(http),
        };
        if (problem.Errors is not null)
        {
            body["errors"] = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.In(language)).ToList());
        }
        return body;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Storage unavailable ({Failure}) in {Function}; answering 503 and logging again after the outage window")]
    private partial void LogStorageUnavailable(string failure, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Function} (trace {TraceId})")]
    private partial void LogUnhandled(Exception exception, string function, string traceId);
}
