using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedYifang.Functions.Demo;
using RedYifang.LocalHost;

// Usage: RedYifang.LocalHost [--settings path/to/local.settings.json] [--urls http://localhost:7071] [--seed-demo-only]
// --seed-demo-only loads the demo district into an empty store and exits, serving nothing: for the real Functions host,
// which does not seed (run.sh --real-host).
var settings = Argument("--settings") ?? "local.settings.json";
if (!File.Exists(settings))
{
    Console.Error.WriteLine($"No settings file at {Path.GetFullPath(settings)}; copy local.settings.sample.json there first.");
    return 2;
}
var urls = Argument("--urls") ?? "http://localhost:7071";

var app = RedYifangHost.Build(c => c.AddLocalSettings(settings).AddEnvironmentVariables(), urls);
if (args.Contains("--seed-demo-only"))
{
    await app.Services.GetRequiredService<DemoDistrict>().SeedIfEmptyAsync(CancellationToken.None);
    return 0;
}
// Serves at once, storage or not: health answers 503 until storage does, and the demo (Demo:SeedOnEmptyStore) loads in the
// background once it answers (DemoLoader).
await app.StartAsync();
Console.WriteLine($"RedYifang local host is listening on {urls} (functions under {urls}/api).");
await app.WaitForShutdownAsync();
return 0;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
