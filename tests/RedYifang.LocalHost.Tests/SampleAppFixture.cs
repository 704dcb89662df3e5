using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RedYifang.LocalHost.Tests.SampleApp;

namespace RedYifang.LocalHost.Tests;

/// <summary>The sample app (built with the Worker SDK) on the local host against a private Azurite.</summary>
public sealed class SampleAppFixture : IAsyncLifetime
{
    private WebApplication _host = null!;

    public Azurite Storage { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        _host = await StartAnotherAsync([]);
        Http = new HttpClient { BaseAddress = _host.BaseAddress() };
    }

    /// <summary>Another local host over the sample app and this Azurite, with extra settings.</summary>
    public async Task<WebApplication> StartAnotherAsync(Dictionary<string, string?> extra)
    {
        var host = Build(Storage, extra);
        await host.StartAsync();
        return host;
    }

    /// <summary>A local host over the sample app and a store (not started), with extra settings and logging added.</summary>
    public static WebApplication Build(Azurite storage, Dictionary<string, string?> extra, Action<ILoggingBuilder>? logging = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["TickSchedule"] = "*/1 * * * * *",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return LocalFunctionHost.Build(new LocalFunctionHostOptions
        {
            FunctionsAssembly = typeof(SampleFunctions).Assembly,
            AppDirectory = Path.Combine(AppContext.BaseDirectory, "apps", "RedYifang.LocalHost.Tests.SampleApp"),
            ConfigureServices = (services, configuration) => services.AddSampleApp(configuration),
            ConfigureConfiguration = c => c.AddInMemoryCollection(settings),
            Urls = $"http://127.0.0.1:{FreePort.Next()}",
            ConfigureLogging = l =>
            {
                l.SetMinimumLevel(LogLevel.Warning);
                logging?.Invoke(l);
            },
        });
    }

    /// <summary>The journal rows of one kind ("work", "tick"), optionally of one id, in a store.</summary>
    public static async Task<List<TableEntity>> JournalAsync(Azurite storage, string kind, string? id = null)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient("Journal");
        await table.CreateIfNotExistsAsync();
        var filter = id is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {kind}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey gt {id + "|"} and RowKey lt {id + "|~"}");
        return await table.QueryAsync<TableEntity>(filter).ToListAsync();
    }

    /// <summary>The journal rows of one kind ("work", "tick"), optionally of one id.</summary>
    public Task<List<TableEntity>> JournalAsync(string kind, string? id = null) => JournalAsync(Storage, kind, id);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

[CollectionDefinition("sample")]
public sealed class SampleAppCollection : ICollectionFixture<SampleAppFixture>;
