using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RedYifang.LocalHost;

public sealed class LocalFunctionHostOptions
{
    /// <summary>The functions app's assembly, whose entry points functions.metadata names.</summary>
    public required Assembly FunctionsAssembly { get; init; }

    /// <summary>The folder holding the app's functions.metadata and host.json.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The app's own service registration, the one its Program.cs uses.</summary>
    public required Action<IServiceCollection, IConfiguration> ConfigureServices { get; init; }

    /// <summary>The app's cross-cutting HTTP behaviour, the one its worker middleware runs under Azure.</summary>
    public HttpTriggers.HttpMiddleware? HttpMiddleware { get; init; }

    /// <summary>Configuration sources in order (later ones win); the host adds none of its own.</summary>
    public required Action<IConfigurationBuilder> ConfigureConfiguration { get; init; }

    public string Urls { get; init; } = "http://localhost:7071";

    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>
/// Runs an isolated-worker functions app without Core Tools: the same function classes and service
/// registration, driven by the build's functions.metadata and host.json.
/// </summary>
public static partial class LocalFunctionHost
{
    public static WebApplication Build(LocalFunctionHostOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = options.AppDirectory });
        builder.Configuration.Sources.Clear();
        options.ConfigureConfiguration(builder.Configuration);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var hostJson = HostJson.Load(Path.Combine(options.AppDirectory, "host.json"));
        var functions = FunctionMetadata.Load(Path.Combine(options.AppDirectory, "functions.metadata"))
            .Select(m => FunctionDescriptor.Resolve(m, options.FunctionsAssembly))
            .Where(f => !IsDisabled(builder.Configuration, f))
            .ToList();
        RejectUnsupportedBindings(functions);

        options.ConfigureServices(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<OutageLog>();
        // The ASP.NET Core integration executes IActionResults with MVC's executors (ContentResult, ObjectResult, …).
        builder.Services.AddMvcCore();
        foreach (var function in functions)
        {
            AddListener(builder.Services, builder.Configuration, function, hostJson);
        }

        var app = builder.Build();
        // The Functions host matches a route and a method together, so a known route asked with another method is
        // 404 there; ASP.NET Core routing would answer 405. Answer as the host does.
        app.UseRouting();
        app.Use((context, next) =>
        {
            if (IsMethodNotAllowed(context))
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        foreach (var function in functions.Where(f => IsTrigger(f, "httpTrigger")))
        {
            HttpTriggers.Map(app, function, hostJson.RoutePrefix, options.HttpMiddleware);
        }
        return app;
    }

    /// <summary>The address Kestrel listens on (useful when started on port 0).</summary>
    public static Uri BaseAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static void AddListener(
        IServiceCollection services,
        IConfiguration configuration,
        FunctionDescriptor function,
        HostJson hostJson)
    {
        var trigger = function.Trigger;
        if (IsTrigger(function, "queueTrigger"))
        {
            var queueName = Resolve(
                configuration,
                trigger.QueueName ?? throw new InvalidOperationException($"{function.Name}: no queueName."));
            var connection = QueueConnection(configuration, trigger.Connection ?? "AzureWebJobsStorage");
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => ActivatorUtilities
                .CreateInstance<QueueTriggerListener>(sp,
                    function, new QueueServiceClient(
                        connection,
                        ListenerClientOptions()),
                    queueName, hostJson.Queues));
        }
        else if (IsTrigger(function, "timerTrigger"))
        {
            var schedule = Resolve(
                configuration,
                trigger.Schedule ?? throw new InvalidOperationException($"{function.Name}: no schedule."));
            TimerTriggerScheduler.Parse(schedule);
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => ActivatorUtilities
                .CreateInstance<TimerTriggerScheduler>(sp,
                    function, schedule, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        }
    }

    /// <summary>
    /// Raw messages: the listener decodes each itself, so one undecodable message fails alone. Few, quick retries: the
    /// listener retries with back-off of its own, and the SDK's default (five retries from 0.8 s, doubling) made one failed
    /// poll last about 25 s, and a poll under way when storage came back wait that long to see it.
    /// </summary>
    private static QueueClientOptions ListenerClientOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <summary>The endpoint ASP.NET Core routing picks when a route matched but no method did.</summary>
    private static bool IsMethodNotAllowed(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.GetEndpoint()?.DisplayName == "405 HTTP Method Not Supported";

    /// <summary>As the Functions host: setting <c>AzureWebJobs.{Function}.Disabled</c> to true turns a function off.</summary>
    private static bool IsDisabled(IConfiguration configuration, FunctionDescriptor function) =>
        configuration.GetValue<bool>($"AzureWebJobs.{function.Name}.Disabled");

    private static bool IsTrigger(FunctionDescriptor function, string type) =>
        function.Trigger.Type.Equals(type, StringComparison.OrdinalIgnoreCase);

    private static void RejectUnsupportedBindings(IEnumerable<FunctionDescriptor> functions)
    {
        string[] triggers = ["httpTrigger", "queueTrigger", "timerTrigger"];
        var unsupported = functions
            .SelectMany(f => f.Metadata.Bindings.Select(b => (function: f.Name, binding: b)))
            .Where(x => x.binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)
                ? !triggers.Contains(x.binding.Type, StringComparer.OrdinalIgnoreCase)
                : !(x.binding.Type.Equals("http", StringComparison.OrdinalIgnoreCase) && x.binding.Name == "$return"))
            .Select(x => $"{x.function}: {x.binding.Type} ({x.binding.Direction})")
            .ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException("The local host does not emulate these bindings: " + string.Join("; ", unsupported));
        }
    }

    /// <summary>"%Name%" in a binding means the value of setting Name, as in the Functions host.</summary>
    private static string Resolve(IConfiguration configuration, string value) =>
        SettingReference().Replace(value, m => configuration[m.Groups[1].Value]
            ?? throw new InvalidOperationException($"Setting '{m.Groups[1].Value}' named in a binding is not set."));

    private static string QueueConnection(IConfiguration configuration, string name) =>
        configuration[name] ?? configuration["AzureWebJobs" + name]
        ?? throw new InvalidOperationException($"Connection '{name}' is not set: the local host needs a storage connection string.");

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
