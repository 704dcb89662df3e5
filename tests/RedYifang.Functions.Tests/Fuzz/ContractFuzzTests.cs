using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedYifang.LocalHost;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// The fuzz tier (issue 14): walks every operation of openapi.json and sends it about forty requests drawn by FsCheck
/// from the contract — valid ones, and valid ones bent one way each (<see cref="RequestGen"/>) — to a real app on Azurite.
/// Every answer must be no fault (no 5xx: storage is up), problem+json with a <c>code</c> when it is not a success, and
/// one openapi.json documents for the operation and status (<see cref="OpenApiValidator"/>); a request bent past the
/// contract must be refused (4xx). The requests that must be refused run last, as a phase of their own, with the queue
/// listeners stopped and a snapshot of the whole storage account (<see cref="StorageSnapshot"/>) before and after: a
/// refusal writes nothing. The draw is fixed (seed <see cref="DefaultSeed"/>, or FUZZ_SEED), so a failure replays; each
/// failure prints its request.
/// </summary>
[Collection(FuzzSlice.Name)]
public sealed class ContractFuzzTests(FuzzApp fuzz, ITestOutputHelper output)
{
    public const int DefaultSeed = 14;
    private const int OpenPerOperation = 25;
    private const int RefusedPerOperation = 16;
    private const int Parallelism = 4;
    private const string Unmatched = "(no operation)";

    private readonly ConcurrentQueue<string> _failures = new();

    [Fact]
    public async Task Every_operation_answers_within_the_contract_and_a_refused_request_writes_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : DefaultSeed;
        var (open, refused) = Plan(seed);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, openId) in fuzz.Ids.Callers) tokens[role] = await fuzz.App.TokenAsync(openId);
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();

        await SendAllAsync(open, tokens, tally);
        var openPhase = clock.Elapsed;
        var listeners = fuzz.App.Services.GetServices<IHostedService>().OfType<QueueTriggerListener>().ToList();
        StorageSnapshot before, after;
        try
        {
            // The refusals run on a quiet account: what the open phase queued is processed, then nothing consumes a message a
            // refusal might send, so the snapshot after shows it.
            await QueuesDrainedAsync();
            foreach (var listener in listeners) await listener.StopAsync(CancellationToken.None);
            before = await SettledSnapshotAsync();
            await SendAllAsync(refused, tokens, tally);
            after = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
        }
        finally
        {
            foreach (var listener in listeners) await listener.StartAsync(CancellationToken.None);
        }
        var changes = after.ChangesSince(before);

        output.WriteLine(
            $"fuzz seed {seed} (FUZZ_SEED overrides): {tally.Sent} requests to {Contract.Operations.Count} operations in "
            + $"{clock.Elapsed.TotalSeconds:0.0} s — {open.Count} open (valid, bent and odd) in {openPhase.TotalSeconds:0.0} s, "
            + $"then {refused.Count} that must be refused, around which {before.Rows.Count} rows, {before.Blobs.Count} blobs and "
            + $"{before.Queues.Values.Sum()} queued messages were compared: "
            + (changes.Count == 0 ? "unchanged" : $"{changes.Count} changes"));
        output.WriteLine(tally.Render(Contract.Operations.Select(o => o.Id).Append(Unmatched)));
        foreach (var failure in _failures.Take(10)) output.WriteLine("FAILED " + failure);
        foreach (var failure in _failures.Skip(10)) output.WriteLine("FAILED " + string.Join(" | ", failure.Split('\n').Take(2)));
        foreach (var change in changes.Take(20)) output.WriteLine("WRITTEN " + change);

        Assert.True(
            _failures.IsEmpty,
            $"{_failures.Count} answers broke the contract (seed {seed}); the first:\n{_failures.FirstOrDefault()}");
        if (changes.Count > 0)
        {
            Assert.Fail($"Requests that were refused wrote to storage (seed {seed}):\n{string.Join("\n", changes.Take(20))}\n"
                + await WhoWroteAsync(refused, tokens));
        }
    }

    /// <summary>The requests, drawn with FsCheck from a seed: the open phase shuffled across operations, then the refusals.</summary>
    private (List<FuzzRequest> Open, List<FuzzRequest> Refused) Plan(int seed)
    {
        var values = new SchemaValues(fuzz.Ids);
        var bearers = BadBearers.For(fuzz.SigningKey, fuzz.Ids.Users[1]);
        List<FuzzRequest> open = [], refused = [];
        var index = 0;
        foreach (var operation in Contract.Operations)
        {
            var requests = new RequestGen(operation, values, fuzz.Ids, bearers);
            var mixed = Gen.Frequency((5, requests.Valid()), (3, requests.Refused()), (2, requests.Odd()));
            open.AddRange(Draw(mixed, seed, index++, OpenPerOperation));
            refused.AddRange(Draw(requests.Refused(), seed, index++, RefusedPerOperation));
        }
        open.AddRange(Draw(NoOperation(), seed, index++, 12));
        refused.AddRange(Draw(NoOperation(), seed, index, 12));
        var shuffle = new System.Random(seed);
        return (open.OrderBy(_ => shuffle.Next()).ToList(), refused.OrderBy(_ => shuffle.Next()).ToList());
    }

    /// <summary>A fixed draw: each generator its own stream of the seed, so adding an operation leaves the others' draws alone.</summary>
    private static IEnumerable<FuzzRequest> Draw(Gen<FuzzRequest> gen, int seed, int stream, int count) =>
        gen.Sample(count, new Rnd(unchecked(((ulong)seed * 1_000_003UL) + (ulong)stream)), 20);

    /// <summary>
    /// Requests no operation takes: 404 not_found or 405 method_not_allowed, as problem+json (x-unmatched). Only under /api:
    /// the rest of the site is the host's, not the app's.
    /// </summary>
    private static Gen<FuzzRequest> NoOperation() =>
        from path in Gen.Elements(
            "api/v2/orders", "api/v1/nothing", "api/v1/orders/ord_x/publish/again", "api/", "api", "api/v1/orders/ord_x/publish/",
            "api/v1/ORDERS/ord_x/PUBLISH/x",
            "api/v1/orgs/%2F", "api/v1/%E2%80%AE", "api/v1/rankings", "api/v1/orgs/x/roles", "api/v1/" + new string('x', 3000))
        from method in Gen.Elements("GET", "POST", "PUT", "DELETE", "PATCH")
        select new FuzzRequest(
            Unmatched, "path: no operation", true, new HttpMethod(method), path, new Credentials.Nobody(), [], null, null);

    private async Task SendAllAsync(IReadOnlyList<FuzzRequest> requests, Dictionary<string, string> tokens, FuzzTally tally) =>
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (request, _) => await SendAsync(request, tokens, tally));

    /// <summary>Sends one request and holds its answer to the contract; a broken answer is recorded with the request.</summary>
    private async Task<int> SendAsync(FuzzRequest request, Dictionary<string, string> tokens, FuzzTally? tally)
    {
        using var message = request.ToMessage(role => tokens[role]);
        int status;
        string body;
        var broken = new List<string>();
        try
        {
            using var response = await fuzz.App.Http.SendAsync(message);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
            if (status >= 500) broken.Add($"a fault: {status}");
            if (request.MustRefuse && status is < 400 or >= 500) broken.Add($"it had to be refused (4xx), but was answered {status}");
            if (status >= 400 && ProblemCode(response, body) is { } notAProblem) broken.Add(notAProblem);
            try
            {
                OpenApiValidator.Validate(response, body);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or JsonException)
            {
                broken.Add(e.Message);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            (status, body) = (0, "");
            broken.Add($"no answer: {e.Message}");
        }
        tally?.Add(request, status);
        if (broken.Count > 0)
        {
            _failures.Enqueue($"{string.Join("; ", broken)}\n{request.Describe()}  answer {status}: {Shorten(body)}");
        }
        return status;
    }

    /// <summary>Why a non-success answer is not a problem with a code, or null when it is one.</summary>
    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"a {(int)response.StatusCode} that is not problem+json (Content-Type '{response.Content.Headers.ContentType}')";
        }
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0
                ? null
                : "a problem without a code";
        }
        catch (JsonException)
        {
            return "a problem+json answer that is not JSON";
        }
    }

    /// <summary>
    /// Waits until every queue a function of the app consumes is empty: the open phase's background work is done (the
    /// outgoing integration events stay where they are: the app only sends them).
    /// </summary>
    private async Task QueuesDrainedAsync()
    {
        var consumed = ConsumedQueues();
        StorageSnapshot? snapshot = null;
        await Eventually.WaitAsync(
            async () =>
            {
                snapshot = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
                return !snapshot.Queues.Keys.Any(consumed.Contains);
            },
            TimeSpan.FromSeconds(60));
        Assert.True(
            snapshot?.Queues.Keys.Any(consumed.Contains) == false,
            $"The queues did not drain: {string.Join(", ", snapshot?.Queues.Select(q => $"{q.Key} {q.Value}") ?? [])}");
    }

    /// <summary>The queues of the app's queue-triggered functions, as the build's functions.metadata names them.</summary>
    private static HashSet<string> ConsumedQueues()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(RedYifangHost.AppDirectory, "functions.metadata")));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "queueTrigger")
            .Select(b => b.GetProperty("queueName").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A snapshot that a second one, taken after it, equals: nothing is writing any more.</summary>
    private async Task<StorageSnapshot> SettledSnapshotAsync()
    {
        var snapshot = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(250);
            var again = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
            if (again.ChangesSince(snapshot).Count == 0) return again;
            snapshot = again;
        }
        Assert.Fail("Storage kept changing with no request in flight and the queue listeners stopped.");
        return snapshot;
    }

    /// <summary>
    /// Only once a refusal wrote: sends the refusals again one at a time with a snapshot around each, and names those after
    /// which storage changed (the write may depend on state the first run left, so none found is possible).
    /// </summary>
    private async Task<string> WhoWroteAsync(IReadOnlyList<FuzzRequest> refused, Dictionary<string, string> tokens)
    {
        var found = new List<string>();
        var listeners = fuzz.App.Services.GetServices<IHostedService>().OfType<QueueTriggerListener>().ToList();
        foreach (var listener in listeners) await listener.StopAsync(CancellationToken.None);
        try
        {
            var before = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
            foreach (var request in refused)
            {
                var status = await SendAsync(request, tokens, null);
                var after = await StorageSnapshot.TakeAsync(fuzz.Storage.ConnectionString);
                if (after.ChangesSince(before) is { Count: > 0 } changes)
                {
                    found.Add($"{request.Describe()}  answer {status}, then {string.Join("; ", changes.Take(5))}");
                    if (found.Count == 5) break;
                }
                before = after;
            }
        }
        finally
        {
            foreach (var listener in listeners) await listener.StartAsync(CancellationToken.None);
        }
        return found.Count == 0
            ? "Sent again one by one, none of them wrote."
            : "Sent again one by one, these wrote:\n" + string.Join("\n", found);
    }

    private static string Shorten(string body) => body.Length <= 1500 ? body : body[..1500] + "…";
}
