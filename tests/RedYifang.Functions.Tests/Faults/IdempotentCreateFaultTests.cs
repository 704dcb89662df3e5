using System.Text.Json.Nodes;
using Azure.Core;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Faults;

/// <summary>
/// Storage stops after an idempotent create committed its change but before its answer was stored under the key (the
/// <c>Idempotency</c> row's replace to <c>done</c>). The call answers 503 and leaves the key's claim pending. The client sends the
/// same request with the same key again until it is not 409 <c>idempotency_in_progress</c> (the claim's five-second lease may
/// still run when storage is back); then the request resumes the claim, makes the same order id and answers 201 with the order
/// the first run wrote — one order, counted once against the resident's daily quota — and the next send replays that answer.
/// </summary>
public sealed class IdempotentCreateFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_create_whose_answer_was_lost_is_resumed_by_its_retry_and_writes_nothing_twice()
    {
        await using var f = await FaultApp.StartAsync(output, new Dictionary<string, string?>
        {
            ["Idempotency:Lease"] = "00:00:05",
            ["Idempotency:WaitForFirst"] = "00:00:00",
            ["Quotas:OrdersPerResidentPerDay"] = "2",
        });
        var app = f.App;
        var d = await f.Slice.DistrictAsync("resume");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "resume-1" };
        object Order(string title) => new
        {
            communityId = d.CommunityId, title, category = "repairs", description = "楼道灯坏了", beneficiaries = 1, urgency = "normal",
            level = "community",
        };
        Task<HttpResponseMessage> Send(string title) => app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, Order(title), key);

        await f.QuietAsync();
        var trap = f.Faults.Arm("the idempotent answer's store", r => r.Method == RequestMethod.Put
            && r.Uri.Path.Contains("/Idempotency(", StringComparison.Ordinal)
            && StorageFaults.Body(r).Contains("\"State\":\"done\"", StringComparison.Ordinal));
        var first = Send("灯");
        await f.OutageAtAsync(trap);
        await (await first).ExpectProblemAsync(503, "storage_unavailable");
        var written = await MineAsync(app, d.Resident);
        Assert.Equal(["灯"], written.Select(o => o.Str("title")));   // the first run's change committed

        // The retry waits out the first claim's lease (409 meanwhile), then resumes it.
        HttpResponseMessage retry = null!;
        var inProgress = 0;
        await FaultApp.EventuallyAsync(async () =>
        {
            retry = await Send("灯");
            if ((int)retry.StatusCode != 409) return true;
            await retry.ExpectProblemAsync(409, "idempotency_in_progress");
            inProgress++;
            await Task.Delay(500);
            return false;
        });
        var resumed = await retry.ExpectAsync(201);
        Assert.Equal(written[0].Str("id"), resumed.Str("id"));
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal([written[0].Str("id")], (await MineAsync(app, d.Resident)).Select(o => o.Str("id")));

        var replay = await Send("灯");
        Assert.Equal(resumed.ToJsonString(), (await replay.ExpectAsync(201)).ToJsonString());
        Assert.Equal(["true"], replay.Headers.GetValues("Idempotent-Replayed"));

        // Counted once: of a limit of two, one more order may be raised today, and no third.
        await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, Order("水"))).ExpectAsync(201);
        await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", d.Resident, Order("电"))).ExpectProblemAsync(429, "too_many_orders");
        output.WriteLine($"faults injected {f.FaultsInjected}; retries answered 409 while the lease ran: {inProgress}; " +
            $"orders written by the key: 1; resumed claims logged: {f.Log.Containing("resumes a claim").Count}");
    }

    private static async Task<List<JsonObject>> MineAsync(AppUnderTest app, string resident)
    {
        var page = await (await app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", resident)).ExpectAsync(200);
        return page["items"]!.AsArray().Select(o => o!.AsObject()).ToList();
    }
}
