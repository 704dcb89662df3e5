using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Console;

namespace RedYifang.Console.Tests;

/// <summary>What Platform/Console/ConsoleFunction serves at /console/, over real HTTP, and what it refuses.</summary>
[Collection(nameof(ConsoleApp))]
public sealed partial class StaticFilesTests(ConsoleApp fixture)
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = fixture.App.BaseAddress,
    };

    [Fact]
    public async Task The_page_comes_with_a_strict_policy_and_no_inline_script()
    {
        var page = await _http.GetAsync("console/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // Thumbnails come from the evidence account, uploads go to the staging account (one Azurite here).
        Assert.Contains($"img-src 'self' http://127.0.0.1:{fixture.Storage.BlobPort};", policy);
        Assert.Contains($"connect-src 'self' http://127.0.0.1:{fixture.Storage.BlobPort};", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Empty(InlineScript().Matches(html));
        var script = ScriptSource().Match(html);
        Assert.True(script.Success, html);
        var asset = await _http.GetAsync(script.Groups[1].Value.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        // No secret in the bundle: it holds no signing key, app secret or storage key of the app's settings — nor do the
        // chunks it loads when a screen is first opened (the charts, the QR encoder), served the same way.
        var bundle = await asset.Content.ReadAsStringAsync();
        var chunks = ChunkName().Matches(bundle).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(chunks.Count >= 4, string.Join(", ", chunks)); // rankings, stats, activities, chart
        foreach (var chunk in chunks)
        {
            var part = await _http.GetAsync($"console/assets/{chunk}");
            Assert.Equal(HttpStatusCode.OK, part.StatusCode);
            Assert.Equal("text/javascript", part.Content.Headers.ContentType?.MediaType);
            bundle += await part.Content.ReadAsStringAsync();
        }
        Assert.DoesNotContain(fixture.WeChat.AppSecret, bundle);
        Assert.DoesNotContain(fixture.WeChat.WebAppSecret, bundle);
        Assert.DoesNotContain("AccountKey", bundle);
    }

    [Fact]
    public async Task A_path_of_the_app_is_its_page_and_the_bare_folder_redirects()
    {
        var index = await (await _http.GetAsync("console/")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "console/orders", "console/orders/ord_x1", "console/rankings" })
        {
            var page = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(index, await page.Content.ReadAsStringAsync());
        }
        var bare = await _http.GetAsync("console");
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/console/", bare.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("console/assets/missing.js")]
    [InlineData("console/..%2Fhost.json")]
    [InlineData("console/%2E%2E%2Fhost.json")]
    [InlineData("console/assets/..%2F..%2Ffunctions.metadata")]
    [InlineData("console/.hidden")]
    public async Task A_missing_file_or_a_way_out_of_the_folder_is_not_found(string path)
    {
        var answer = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("../host.json")]
    [InlineData("assets/../../host.json")]
    [InlineData("..")]
    [InlineData("a\\..\\..\\host.json")]
    [InlineData("/etc/passwd")]
    [InlineData("assets//index.html")]
    [InlineData(".env")]
    [InlineData("C:/x")]
    public void Names_that_leave_the_folder_or_hide_are_refused(string path)
    {
        var root = Directory.CreateTempSubdirectory("console-").FullName;
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html>");
        File.WriteAllText(Path.Combine(root, ".env"), "secret");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(root)!, "host.json"), "{}");
        var files = new ConsoleFiles(Options.Create(new ConsoleOptions { Root = root }));
        Assert.Null(files.Find(path));
        Assert.Equal("index.html", files.Find("orders/ord_1")?.Path);
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    // How the bundle names its chunks: "./activities-BIjCgjUi.js" to import, "assets/chart-C5Of3ikv.js" to preload.
    [GeneratedRegex(@"(?:\./|assets/)([A-Za-z0-9_]+-[A-Za-z0-9_-]{8}\.js)")]
    private static partial Regex ChunkName();
}
