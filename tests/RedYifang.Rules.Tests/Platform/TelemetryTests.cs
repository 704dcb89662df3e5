using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RedYifang.Functions.Platform;

namespace RedYifang.Rules.Tests.Platform;

public sealed class TelemetryTests
{
    private static IServiceCollection With(string? connectionString) =>
        new ServiceCollection().AddTelemetry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Telemetry.ConnectionStringSetting] = connectionString,
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build());

    [Fact]
    public void Nothing_is_exported_without_a_connection_string() =>
        Assert.DoesNotContain(With(null), d => d.ServiceType == typeof(TracerProvider));

    [Fact]
    public void A_connection_string_turns_on_the_Azure_Monitor_exporters() =>
        Assert.Contains(With("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"),
            d => d.ServiceType == typeof(TracerProvider));
}
