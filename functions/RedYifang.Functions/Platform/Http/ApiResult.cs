using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// A complete HTTP answer (status, headers, serialised body). Executes without MVC formatters, so it
/// behaves the same under the Functions host and the local host, and can be stored for idempotent replay.
/// </summary>
public sealed record ApiResult(int Status, IReadOnlyDictionary<string, string> Headers, byte[]? Body, string? ContentType)
    : IActionResult
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static ApiResult Ok(object body) => Json(200, body);

    public static ApiResult Created(string location, object body) =>
        Json(201, body) with { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static ApiResult Accepted(string location, object body) =>
        Json(202, body) with { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static ApiResult NoContent() => new(204, new Dictionary<string, string>(), null, null);

    public static ApiResult Json(int status, object body, string contentType = JsonContentType) =>
        new(status, new Dictionary<string, string>(),
            JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Http.Json.Options), contentType);

    public ApiResult WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };

    public async Task ExecuteResultAsync(ActionContext context) => await WriteToAsync(context.HttpContext.Response);

    public async Task WriteToAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
        if (Body is null) return;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body);
    }
}
