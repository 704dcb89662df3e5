using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Console;

/// <summary>
/// Serves the admins' console (functions/RedYifang.Console, built into the app's output) at <c>/console/</c>: its files, and
/// index.html for the single-page app's own paths, under a strict Content-Security-Policy. Anonymous: the files hold no
/// secret, and the console signs in against the API like any client.
/// </summary>
internal sealed class ConsoleFunction(ConsoleFiles files, UploadCors cors)
{
    [Function("Console"), Anonymous]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "console/{*path}")] HttpRequest req,
        string? path)
    {
        // Relative asset paths need the trailing slash.
        if (string.IsNullOrEmpty(path) && req.Path.Value?.EndsWith('/') != true)
        {
            return new ApiResult(301, new Dictionary<string, string> { ["Location"] = req.Path.Value + "/" }, null, null);
        }
        var file = files.Find(path) ?? throw Problems.Problems.NotFound("route");
        if (file.Path == ConsoleFiles.Index)
        {
            await cors.AllowAsync($"{req.Scheme}://{req.Host}", req.HttpContext.RequestAborted);
        }
        var headers = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = Policy(),
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "no-referrer",
            ["X-Frame-Options"] = "DENY",
            // index.html names the current assets: always asked again; the hashed assets never change.
            ["Cache-Control"] = file.Immutable ? "public, max-age=31536000, immutable" : "no-cache",
        };
        return new ApiResult(200, headers, HttpMethods.IsHead(req.Method) ? null : file.Bytes, file.ContentType);
    }

    /// <summary>
    /// Scripts, styles and calls only from this origin, no inline script or style element; images also from the evidence
    /// account (thumbnails by read URL), uploads also to the staging account (the upload URL flow).
    /// </summary>
    private string Policy() =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' {cors.EvidenceOrigin}; connect-src 'self' {cors.StagingOrigin}; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
