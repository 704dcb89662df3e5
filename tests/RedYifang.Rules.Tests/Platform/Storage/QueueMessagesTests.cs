using RedYifang.Functions.Platform.Storage;
using RedYifang.LocalHost;

namespace RedYifang.Rules.Tests.Platform.Storage;

public sealed class QueueMessagesTests
{
    [Fact]
    public void The_last_attempt_the_functions_recognise_is_the_one_host_json_configures()
    {
        var hostJson = HostJson.Load(Path.Combine(RedYifangHost.AppDirectory, "host.json"));
        Assert.Equal(QueueMessages.MaxDequeueCount, hostJson.Queues.MaxDequeueCount);
    }
}
