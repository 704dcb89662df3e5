using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace RedYifang.Console.Tests;

/// <summary>
/// The console's flows in a real browser (tests/RedYifang.Console.Tests/flows.mjs: playwright-core driving Debian's
/// Chromium, headless) against the app with the demo loaded: publish, match from a suggestion, the liaison's completion
/// with a photo, acceptance, a document dropped into the trace archive, the deep verify, a ranking's breakdown and its
/// .xlsx export. Screenshots land in TestResults/console/.
/// </summary>
[Collection(nameof(ConsoleApp))]
public sealed class BrowserFlowTests(ConsoleApp fixture, ITestOutputHelper output)
{
    private const string Community = "org_demo-s1-c1";

    [Fact]
    public async Task An_order_goes_from_submitted_to_accepted_and_a_document_is_archived_and_verified_in_the_browser()
    {
        var app = fixture.App;
        // A fresh order of 博览社区's, elderly care (what dev-liaison's unit offers), raised as the demo resident.
        var orderId = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", "dev-resident", new
        {
            communityId = Community, title = "独居老人助餐（浏览器测试）", category = "elderlyCare",
            description = "每周三次送餐上门", beneficiaries = 2, urgency = "high", level = "community",
        })).ExpectAsync(201)).Str("id");

        var root = FunctionsHost.RepositoryRoot();
        var outDir = Path.Combine(root, "TestResults", "console");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        var work = Directory.CreateTempSubdirectory("console-flows-").FullName;
        var photo = Path.Combine(work, "现场照片.jpg");
        await File.WriteAllBytesAsync(photo, Photos.Jpeg(seed: 18, width: 1600, height: 1200));
        var document = Path.Combine(work, "minutes.pdf");
        await File.WriteAllTextAsync(document, "%PDF-1.4\n" + new string('x', 300_000) + "\n%%EOF\n", Encoding.ASCII);

        var start = new ProcessStartInfo("node", [Path.Combine(root, "tests", "RedYifang.Console.Tests", "flows.mjs")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["BASE_URL"] = app.BaseAddress.ToString(),
                ["ORDER_ID"] = orderId,
                ["PHOTO"] = photo,
                ["DOCUMENT"] = document,
                ["OUT"] = outDir,
                ["CHROMIUM"] = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
            },
        };
        using var node = Process.Start(start)!;
        var log = new StringBuilder();
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        // Not a timed assertion: a bound so that a browser that hangs fails the run instead of holding it (the flows take ~40 s).
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await node.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
        }
        node.WaitForExit();
        output.WriteLine(log.ToString());
        Assert.True(node.ExitCode == 0, log.ToString());

        // What the browser did is what the API now holds.
        var order = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{orderId}", "dev-community")).ExpectAsync(200);
        Assert.Equal("accepted", order.Str("state"));
        Assert.Equal("org_demo-u01", order.Str("unitId"));
        Assert.Single(order["completion"]!["evidenceIds"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(outDir, "flows.ok")));
        Assert.Single(Directory.GetFiles(outDir, "*.xlsx"));
        Assert.True(Directory.GetFiles(outDir, "*.png").Length >= 12);
    }
}
