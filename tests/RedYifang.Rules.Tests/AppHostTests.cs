using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedYifang.Functions;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Rules.Tests;

/// <summary>
/// The worker the Azure Functions host starts, built as Program.cs builds it (<see cref="AppHost.CreateBuilder"/>) but
/// not run: every function class and the HTTP middleware come out of its container as the worker would make them.
/// The local host registers the same services through its own builder, so only this test sees a registration that the
/// worker's builder (ASP.NET Core integration, worker defaults) loses or breaks, short of the real-host tier.
/// </summary>
[Collection(nameof(EntryAssemblyCollection))]
public sealed class AppHostTests
{
    // The function classes of the app today; a class added or merged changes it, deliberately.
    private const int FunctionClasses = 55;

    private static readonly Assembly App = typeof(AppHost).Assembly;

    [Fact]
    public async Task The_workers_host_builds_and_makes_every_function_class_and_the_HTTP_middleware()
    {
        var functionClasses = App.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(FunctionClasses, functionClasses.Count);

        using var host = Build();
        // The worker's view of the functions is what the SDK generated into the app: its executor, and metadata naming
        // the very classes found above.
        Assert.Equal(
            "RedYifang.Functions.DirectFunctionExecutor",
            host.Services.GetRequiredService<IFunctionExecutor>().GetType().FullName);
        var metadata = await host.Services.GetRequiredService<IFunctionMetadataProvider>()
            .GetFunctionMetadataAsync(AppContext.BaseDirectory);
        Assert.Equal(
            functionClasses.Select(t => t.FullName),
            metadata.Select(m => m.EntryPoint![..m.EntryPoint!.LastIndexOf('.')]).Distinct().Order(StringComparer.Ordinal));

        // The worker makes a function's instance per invocation, in the invocation's scope (FunctionContext.InstanceServices),
        // with ActivatorUtilities; middleware added by UseMiddleware<T> is a singleton taken from that same scope.
        await using var invocation = host.Services.CreateAsyncScope();
        var failures = new List<string>();
        foreach (var type in functionClasses)
        {
            try
            {
                Assert.IsType(type, ActivatorUtilities.CreateInstance(invocation.ServiceProvider, type));
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{type.FullName}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));

        var middleware = App.GetType("RedYifang.Functions.Platform.Http.HttpPipelineMiddleware", throwOnError: true)!;
        Assert.IsType(middleware, invocation.ServiceProvider.GetRequiredService(middleware));
        // What the middleware takes from the scope on each HTTP invocation.
        Assert.NotNull(invocation.ServiceProvider.GetRequiredService<HttpPipeline>());
    }

    /// <summary>
    /// The worker's host with the settings of local.settings.sample.json (every setting the app reads) given as
    /// command-line arguments, which FunctionsApplication.CreateBuilder adds to configuration before the app's
    /// registration reads it, as the Functions host's app settings are there before the worker starts.
    /// </summary>
    private static IHost Build()
    {
        var sample = Path.Combine(FunctionsHost.RepositoryRoot(), "local.settings.sample.json");
        var settings = JsonDocument.Parse(File.ReadAllText(sample)).RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":"), p => p.Value.GetString() ?? "");
        // What the sample leaves empty for run.sh (or the deployment) to fill.
        settings["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        settings["WeChat:AppId"] = FakeWeChat.AppId;
        settings["WeChat:AppSecret"] = "app-secret";
        var arguments = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();

        // The worker runs the code its SDK generated into the app (function executor, metadata provider, the binding
        // extensions' startups) by finding it on the entry assembly, which here is the test host's.
        var entry = Assembly.GetEntryAssembly();
        Assembly.SetEntryAssembly(App);
        try
        {
            return AppHost.CreateBuilder(arguments).Build();
        }
        finally
        {
            Assembly.SetEntryAssembly(entry);
        }
    }
}

/// <summary>Tests that change the process's entry assembly run alone, after the others.</summary>
[CollectionDefinition(nameof(EntryAssemblyCollection), DisableParallelization = true)]
public sealed class EntryAssemblyCollection;
