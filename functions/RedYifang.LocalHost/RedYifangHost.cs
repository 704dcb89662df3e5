using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedYifang.Functions;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.LocalHost;

/// <summary>
/// The RedYifang app on the local host: what <c>run.sh</c> starts and what the end-to-end tests start. With
/// <c>Demo:SeedOnEmptyStore</c> it loads the demo district in the background (<see cref="DemoLoader"/>).
/// </summary>
public static class RedYifangHost
{
    public static readonly string AppDirectory = Path.Combine(AppContext.BaseDirectory, "apps", "RedYifang.Functions");

    /// <param name="extraServices">Registered after the app's own (a benchmark's counting storage clients, say).</param>
    public static WebApplication Build(Action<IConfigurationBuilder> configure, string urls, Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection, IConfiguration>? extraServices = null) =>
        LocalFunctionHost.Build(new LocalFunctionHostOptions
        {
            FunctionsAssembly = typeof(AppServices).Assembly,
            AppDirectory = AppDirectory,
            ConfigureServices = (services, configuration) =>
            {
                services.AddRedYifang(configuration);
                if (configuration.GetValue<bool>("Demo:SeedOnEmptyStore"))
                {
                    services.AddSingleton<DemoLoader>();
                    services.AddHostedService(sp => sp.GetRequiredService<DemoLoader>());
                }
                extraServices?.Invoke(services, configuration);
            },
            HttpMiddleware = (context, function, next) =>
                context.RequestServices.GetRequiredService<HttpPipeline>().InvokeAsync(context, function, next),
            ConfigureConfiguration = configure,
            Urls = urls,
            ConfigureLogging = logging ?? (l => l.AddFilter("Microsoft.AspNetCore", LogLevel.Warning)),
        });
}
