using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Evidence;

namespace RedYifang.Functions.Tests.Evidence;

/// <summary>
/// An app of its own (own Azurite, a district made through the API) whose evidence processing does not run by
/// itself: tests drive each step — upload, commit, whatever a client does in between, processing — in order. Its
/// integration events go to a Service Bus peer on loopback.
/// </summary>
public sealed class SealingFixture : IAsyncLifetime
{
    public ServiceBusPeer Peer { get; } = new();
    private FakeWeChat _weChat = null!;

    public Azurite Storage { get; private set; } = null!;
    public AppUnderTest App { get; private set; } = null!;
    public TestDistrict District { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
        App = await AppUnderTest.StartAsync(Storage, _weChat, new Dictionary<string, string?>
        {
            ["AzureWebJobs.ProcessEvidence.Disabled"] = "true",
            ["ServiceBus:ConnectionString"] = Peer.ConnectionString,
        }, seedDemo: false);
        District = await TestDistrict.CreateAsync(App, AppUnderTest.BootstrapAdmin, "seal");
    }

    /// <summary>Processes one committed item now, as the queue trigger would.</summary>
    public Task ProcessAsync(string evidenceId) =>
        App.Services.GetRequiredService<ProcessEvidence>().HandleAsync(evidenceId, lastAttempt: false, CancellationToken.None);

    public Azure.Storage.Blobs.BlobContainerClient Container(string name) => new(Storage.ConnectionString, name);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _weChat.DisposeAsync();
        await Storage.DisposeAsync();
        Peer.Dispose();
    }
}
