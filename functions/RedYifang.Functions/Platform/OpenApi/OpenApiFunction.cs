using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.OpenApi;

/// <summary>Serves the OpenAPI 3 description of api.md, kept beside the code as an embedded resource.</summary>
internal sealed class OpenApiFunction
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream("RedYifang.Functions.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    [Function("OpenApi"), Anonymous]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest req) =>
        new ApiResult(
            200,
            new Dictionary<string, string> { ["Cache-Control"] = "public, max-age=300" },
            Document.Value,
            ApiResult.JsonContentType);
}
