using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Rules.Tests.Platform.Storage;

public sealed class StorageOutageTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "no response", new RequestFailedException("no response"), true },
        { "503 from storage", new RequestFailedException(503, "Server Busy"), true },
        { "500 from storage", new RequestFailedException(500, "Internal"), true },
        { "connection refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "a timeout", new TimeoutException(), true },
        {
            "the SDK's retries, all outages",
            new AggregateException(new RequestFailedException(503, "busy"), new HttpRequestException()),
            true },
        { "a 412 lost race", new RequestFailedException(412, "Precondition Failed"), false },
        { "a 404", new RequestFailedException(404, "Not Found"), false },
        {
            "retries mixing an outage and a 409",
            new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(409, "c")),
            false },
        { "a bug", new InvalidOperationException("bug"), false },
        { "a bug wrapping a 409", new InvalidOperationException("bug", new RequestFailedException(409, "Conflict")), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Storage_outages_are_told_from_other_failures(string what, Exception failure, bool outage) =>
        Assert.True(StorageOutage.Is(failure) == outage, what);

    [Fact]
    public void An_outage_is_logged_once_per_window()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var outage = new StorageOutage(clock);

        Assert.True(outage.ShouldLog());
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(outage.ShouldLog());
        Assert.False(outage.ShouldLog());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(outage.ShouldLog());
        Assert.False(outage.ShouldLog());
    }

    [Fact]
    public void The_log_names_the_kind_of_failure_not_its_message()
    {
        var failure = new AggregateException(
            new RequestFailedException(503, "https://acct.table.core.windows.net/Users(PartitionKey='usr_x')", "ServerBusy", null));

        Assert.Equal("RequestFailedException 503 ServerBusy", StorageOutage.Describe(failure));
        Assert.Equal("HttpRequestException ← SocketException ConnectionRefused",
            StorageOutage.Describe(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused))));
    }
}
