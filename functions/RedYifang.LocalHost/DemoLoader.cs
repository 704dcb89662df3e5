using Microsoft.Extensions.Hosting;
using RedYifang.Functions.Demo;

namespace RedYifang.LocalHost;

/// <summary>
/// Loads the demo district (<c>Demo:SeedOnEmptyStore</c>) in the background once the host serves, so the host starts
/// while storage is down (health answers 503 meanwhile) and the demo arrives once storage answers. A load that storage
/// interrupts is tried again with back-off (<see cref="OutageLog"/>) and goes on where it stopped (fixed ids and markers:
/// <see cref="DemoDistrict"/>); once complete it never runs again in this process, whatever storage does later. Any other
/// failure stops the host, as a failed start did before.
/// </summary>
public sealed class DemoLoader(DemoDistrict demo, OutageLog outage) : BackgroundService
{
    private const string Work = "demo load";
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the demo is loaded.</summary>
    public Task Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await outage.WhileDownAsync(Work, () => demo.SeedIfEmptyAsync(stoppingToken), stoppingToken)) _loaded.TrySetResult();
    }
}
