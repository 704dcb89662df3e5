using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Evidence;

namespace RedYifang.Functions.Tests.Evidence;

/// <summary>
/// A slice app of its own (own Azurite, a district made through the API, timers off) whose evidence processing does not run
/// by itself: tests drive each step — upload, commit, whatever a client does in between, processing — in order. Its
/// integration events go to a Service Bus peer on loopback.
/// </summary>
public sealed class SealingFixture : SliceApp
{
    public ServiceBusPeer Peer { get; } = new();

    public TestDistrict District { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.ProcessEvidence.Disabled"] = "true",
        ["ServiceBus:ConnectionString"] = Peer.ConnectionString,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        District = await DistrictAsync("seal");
    }

    /// <summary>Processes one committed item now, as the queue trigger would.</summary>
    public Task ProcessAsync(string evidenceId) =>
        App.Services.GetRequiredService<ProcessEvidence>().HandleAsync(evidenceId, lastAttempt: false, CancellationToken.None);

    public Azure.Storage.Blobs.BlobContainerClient Container(string name) => new(Storage.ConnectionString, name);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Peer.Dispose();
    }
}
