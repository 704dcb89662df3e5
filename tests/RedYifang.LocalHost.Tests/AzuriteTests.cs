using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;

namespace RedYifang.LocalHost.Tests;

/// <summary>
/// The Azurite launcher every storage test stands on: a port taken between being found free and being bound costs
/// a retry on fresh ports, not a red run; when it cannot start, Azurite's own words say why.
/// </summary>
public sealed class AzuriteTests : IDisposable
{
    private readonly TcpListener _intruder = new(IPAddress.Loopback, 0);

    public AzuriteTests() => _intruder.Start();

    private int Taken => ((IPEndPoint)_intruder.LocalEndpoint).Port;

    public void Dispose() => _intruder.Stop();

    [Fact]
    public async Task A_taken_port_is_left_for_a_fresh_set_and_Azurite_serves_on_those()
    {
        // The first set's table port is taken: Azurite binds blob and queue, then fails on it, while the taken port
        // answers connections all along (a wait for the three ports to answer would call this up).
        var handedOut = 0;
        await using var azurite = await Azurite.StartNewAsync(() => ++handedOut == 3 ? Taken : FreePort.Next());

        Assert.Equal(2, azurite.PortSetsTried);
        Assert.Equal(6, handedOut);
        Assert.DoesNotContain(Taken, new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort });
        Assert.Contains(azurite.RecentOutput, line => line.Contains("EADDRINUSE") && line.Contains($":{Taken}"));

        var queue = new QueueClient(azurite.ConnectionString, "probe");
        await queue.CreateAsync();
        await queue.SendMessageAsync("hello");
        Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value.MessageText);
    }

    [Fact]
    public async Task A_port_taken_in_every_set_fails_the_start_with_Azurites_last_lines()
    {
        var handedOut = 0;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Azurite.StartNewAsync(() =>
        {
            handedOut++;
            return Taken;
        }));

        Assert.Equal(3 * Azurite.PortAttempts, handedOut);
        Assert.Contains($"in each of {Azurite.PortAttempts} set(s) of ports", refused.Message);
        Assert.Contains($"address already in use 127.0.0.1:{Taken}", refused.Message);
    }

    [Fact]
    public async Task Its_data_folder_is_deleted_on_dispose()
    {
        var azurite = await Azurite.StartNewAsync();
        var queue = new QueueClient(azurite.ConnectionString, "kept");
        await queue.CreateAsync();
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(azurite.Folder));

        await azurite.DisposeAsync();

        Assert.False(Directory.Exists(azurite.Folder));
    }
}
