using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace RedYifang.Functions.Platform;

/// <summary>
/// OpenTelemetry to Azure Monitor, only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (nothing is exported
/// otherwise). Export authenticates with the app's managed identity (Application Insights has local auth off).
/// Spans: the worker's invocations (correlated with the host's HTTP and queue triggers), outgoing HTTP (query strings
/// redacted by the instrumentation, so no code or secret leaves in a URL) and Azure SDK calls. No user id, open id or
/// phone number is put on any span or log.
/// </summary>
public static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString)) return services;
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var credential = Credential(configuration);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource("Azure.*")
                .AddHttpClientInstrumentation()
                .AddAzureMonitorTraceExporter(o => { o.ConnectionString = connectionString; o.Credential = credential; }))
            .WithMetrics(metrics => metrics
                .AddHttpClientInstrumentation()
                .AddAzureMonitorMetricExporter(o => { o.ConnectionString = connectionString; o.Credential = credential; }));
        services.AddLogging(logging => logging.AddOpenTelemetry(o =>
            o.AddAzureMonitorLogExporter(e => { e.ConnectionString = connectionString; e.Credential = credential; })));
        return services;
    }

    /// <summary>The user-assigned identity named in AzureWebJobsStorage__clientId, else the default chain.</summary>
    private static TokenCredential Credential(IConfiguration configuration) =>
        configuration["AzureWebJobsStorage:clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
