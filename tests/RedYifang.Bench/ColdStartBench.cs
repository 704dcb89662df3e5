using System.Diagnostics;
using System.Net.Http.Json;
using System.Xml.Linq;
using RedYifang.Testing;

namespace RedYifang.Bench;

/// <summary>
/// Cold start on the real Functions host: process start → first 200 on an anonymous route, and (the app only) →
/// first authenticated 200 (dev sign-in, then /v1/me). The baseline is a bare isolated app — one anonymous HTTP
/// function, the same Worker packages — that this benchmark writes and builds. Five runs each, alternating, with one
/// Azurite shared by all runs. Needs the kit (../shared/tools/functions-host) and the app's Release build.
/// </summary>
public static class ColdStartBench
{
    private const int Runs = 5;

    public static async Task<int> RunAsync()
    {
        var hostDirectory = await FunctionsHost.HostDirectoryAsync();
        var app = FunctionsHost.ReleaseApp();
        var bare = await BuildBareAppAsync();
        await using var storage = await Azurite.StartNewAsync();
        await using var weChat = await FakeWeChat.StartAsync();
        var settings = TestSettings.For(storage, weChat, "bench-admin");
        // The last run's host logs, each line stamped with seconds since process start: where the time goes.
        var bareLog = Path.Combine(Path.GetTempPath(), "coldstart-bare.log");
        var appLog = Path.Combine(Path.GetTempPath(), "coldstart-app.log");

        Console.WriteLine(
            $"Functions host: {hostDirectory}\napp: {app}\nbare app: {bare}\nload: {File.ReadAllText("/proc/loadavg").Trim()}");
        var bareTimes = new List<double>();
        var appAnonymous = new List<double>();
        var appAuthenticated = new List<double>();
        var appFirstRequest = new List<double>();
        var appSecondRequest = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using (await FunctionsHost.StartAsync(hostDirectory, bare, settings, bareLog, "api/ping"))
            {
                bareTimes.Add(clock.Elapsed.TotalMilliseconds);
            }

            clock.Restart();
            await using var host = await FunctionsHost.StartAsync(hostDirectory, app, settings, appLog, "api/health");
            appAnonymous.Add(clock.Elapsed.TotalMilliseconds);
            var signIn = Stopwatch.StartNew();
            var token = (await (await host.Http.PostAsJsonAsync("api/v1/auth/dev", new { openId = "bench-user" })).ExpectAsync(200)).Str(
                "accessToken");
            appFirstRequest.Add(signIn.Elapsed.TotalMilliseconds);
            using var me = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
            me.Headers.Authorization = new("Bearer", token);
            await (await host.Http.SendAsync(me)).ExpectAsync(200);
            appAuthenticated.Add(clock.Elapsed.TotalMilliseconds);
            var again = Stopwatch.StartNew();
            await (await host.Http.PostAsJsonAsync("api/v1/auth/dev", new { openId = "bench-user" })).ExpectAsync(200);
            appSecondRequest.Add(again.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {run + 1}: bare {bareTimes[^1],6:0} ms   app anonymous {appAnonymous[^1],6:0} ms   " +
                              $"app authenticated {appAuthenticated[^1],6:0} ms");
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"process start → first 200, anonymous route (median of {Runs}): " +
                          $"bare {Median(bareTimes):0} ms, app {Median(appAnonymous):0} ms " +
                          $"→ {Median(appAnonymous) / Median(bareTimes):0.00}× (goal ≤ 1.3×)");
        Console.WriteLine($"process start → first authenticated 200 (app): {Median(appAuthenticated):0} ms " +
                          $"({Median(appAuthenticated) / Median(bareTimes):0.00}× the bare app's first 200)");
        Console.WriteLine($"first sign-in after start {Median(appFirstRequest):0} ms vs the next one {Median(appSecondRequest):0} ms " +
                          "(what the first request waits for: JIT of the pipeline and handlers, first storage connections)");
        Console.WriteLine($"host logs of the last run (seconds since process start on each line): {bareLog}, {appLog}");
        return 0;
    }

    /// <summary>Writes and builds (Release) a bare isolated app with one anonymous HTTP function, on the app's Worker packages.</summary>
    private static async Task<string> BuildBareAppAsync()
    {
        var versions = XDocument.Load(Path.Combine(FunctionsHost.RepositoryRoot(), "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var dir = Path.Combine(Path.GetTempPath(), "redyifang-bare-app");
        Directory.CreateDirectory(dir);
        string Package(string id) => $"""<PackageReference Include="{id}" Version="{versions[id]}" />""";
        await File.WriteAllTextAsync(Path.Combine(dir, "BareApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <AzureFunctionsVersion>v4</AzureFunctionsVersion>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                {Package("Microsoft.Azure.Functions.Worker")}
                {Package("Microsoft.Azure.Functions.Worker.Sdk")}
                {Package("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore")}
              </ItemGroup>
              <ItemGroup><None Update="host.json" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(
            Path.Combine(dir, "host.json"),
            """{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" } } }""");
        await File.WriteAllTextAsync(Path.Combine(dir, "Program.cs"), """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Azure.Functions.Worker;
            using Microsoft.Azure.Functions.Worker.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.Build().Run();

            public sealed class Ping
            {
                [Function("Ping")]
                public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest req) => new OkObjectResult("pong");
            }
            """);
        var build = Process
            .Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-o", Path.Combine(dir, "out"), "--nologo", "-v", "quiet",
                "-clp:ErrorsOnly", dir])
                {
                RedirectStandardOutput = true,
                })!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the bare app failed: " + output);
        return Path.Combine(dir, "out");
    }
}
