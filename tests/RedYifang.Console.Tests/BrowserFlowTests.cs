using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace RedYifang.Console.Tests;

/// <summary>
/// The console's flows in a real browser (tests/RedYifang.Console.Tests/flows.mjs: playwright-core driving Debian's
/// Chromium, headless) against the app with the demo loaded: the WeChat website QR sign-in against the loopback open
/// platform, publish, match from a suggestion, the liaison's completion with a photo, acceptance, a document dropped into
/// the trace archive, the deep verify, a ranking's breakdown and its .xlsx export; then each of the other screens once
/// (resources with a stale edit, evaluations, claims, sites, batch matching, agreements, funds, the check-in QR code).
/// Screenshots land in TestResults/console/.
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

        // A claim waiting for the community (the liaison's unit asks to take a published order with its resource), and an
        // order the street's batch run proposes.
        var claimOrderId = await PublishedOrderAsync(app, "独居老人陪诊（认领测试）");
        var resources = await (await app.SendAsync(HttpMethod.Get,
            "api/v1/resources?unitId=org_demo-u01&state=published&category=elderlyCare", "dev-liaison")).ExpectAsync(200);
        var resourceId = resources["items"]!.AsArray()[0].Str("id");
        await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{claimOrderId}/claim", "dev-liaison", new { resourceId }))
            .ExpectAsync(200);
        var runOrderId = await PublishedOrderAsync(app, "高龄老人助浴（批量匹配测试）");

        // A staff member who signs in by QR: the mini-program's user of a union id, made an admin of 博览社区; the code is
        // what the loopback open platform hands out for that union id (tests/RedYifang.Testing/FakeWeChat.cs).
        var unionId = "u-" + Guid.NewGuid().ToString("N");
        var mini = await (await app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat",
            json: new { code = $"union:o-mini-{Guid.NewGuid():N}:{unionId}" })).ExpectAsync(200);
        var webUserId = mini["user"].Str("id");
        await (await app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{Community}/roles/{webUserId}", "dev-admin",
            new { role = "communityAdmin" })).ExpectAsync(200);
        var webCode = fixture.WeChat.IssueWebCode("o-web-" + Guid.NewGuid().ToString("N"), unionId);

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
                ["CLAIM_ORDER_ID"] = claimOrderId,
                ["RUN_ORDER_ID"] = runOrderId,
                ["WEB_CODE"] = webCode,
                ["WEB_USER_ID"] = webUserId,
                ["WEB_APP_ID"] = FakeWeChat.WebAppId,
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
        Assert.True(Directory.GetFiles(outDir, "*.png").Length >= 22);
        var claimed = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{claimOrderId}", "dev-community")).ExpectAsync(200);
        Assert.Equal(("matched", "org_demo-u01"), (claimed.Str("state"), claimed.Str("unitId")));
        var run = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orders/{runOrderId}", "dev-community")).ExpectAsync(200);
        Assert.Equal("matched", run.Str("state"));
    }

    private static async Task<string> PublishedOrderAsync(AppUnderTest app, string title)
    {
        var id = (await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", "dev-resident", new
        {
            communityId = Community, title, category = "elderlyCare", description = "每周一次", beneficiaries = 1,
            urgency = "normal", level = "community",
        })).ExpectAsync(201)).Str("id");
        await (await app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/publish", "dev-community", new { })).ExpectAsync(200);
        return id;
    }
}
