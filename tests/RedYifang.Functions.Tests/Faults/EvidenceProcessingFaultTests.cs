using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Storage.Blobs;
using RedYifang.Functions.Evidence;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Faults;

/// <summary>
/// Storage stops while committed photos are being processed from the queue — at the read of a sealed copy, the write of a
/// kept photo, the chain join or the staging clean-up — and comes back. Every item ends verified once: one record each (the
/// owner's list and the chain hold each once), one chain link each in an unbroken chain, its kept photo and thumbnail
/// written, nothing left in staging. An outage also meets the app's first evidence call as it makes its container, and
/// evidence works afterwards without a restart (nothing initialised once stays failed), that call leaving no record.
/// </summary>
public sealed class EvidenceProcessingFaultTests(ITestOutputHelper output)
{
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private const int Photos = 3;

    public static TheoryData<string> Points => ["sealed copy read", "kept photo write", "chain join", "staging clean-up"];

    /// <summary>The request of each point; each is sent by processing only (not by the commit).</summary>
    private static bool At(string point, Request r)
    {
        var uri = r.Uri.ToString();
        return point switch
        {
            "sealed copy read" => r.Method == RequestMethod.Get && uri.Contains("/evidence-staging/sealed/", StringComparison.Ordinal),
            "kept photo write" => r.Method == RequestMethod.Put && uri.Contains("/evidence/", StringComparison.Ordinal)
                && uri.Contains("/photo.jpg", StringComparison.Ordinal),
            "chain join" => r.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)
                && StorageFaults.Body(r).Contains("\"RowKey\":\"chain|", StringComparison.Ordinal),
            _ => r.Method == RequestMethod.Delete && uri.Contains("/evidence-staging/sealed/", StringComparison.Ordinal),
        };
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Photos_processed_through_an_outage_end_verified_once(string point)
    {
        await using var f = await FaultApp.StartAsync(output);
        var app = f.App;
        var d = await f.Slice.DistrictAsync("evidence-fault");
        var unit = await d.OrgAsync(app, "unit", d.StreetId, "痕迹故障单位", "socialOrganization");
        var bytes = Enumerable.Range(0, Photos).Select(i => Testing.Photos.Jpeg(700 + i)).ToList();

        // The app's first evidence call meets the outage as it makes its container: 503, no record left behind (the owner's list
        // below holds only the later items), and no failure remembered: the calls after it work without a restart.
        var first = f.Faults.Arm("the first container creation", r => r.Method == RequestMethod.Put
            && r.Uri.ToString().Contains("restype=container", StringComparison.Ordinal));
        var ticketing = TicketAsync(app, unit, bytes[0]);
        await f.OutageAtAsync(first, whileDown: async () => await (await ticketing).ExpectProblemAsync(503, "storage_unavailable"));

        await f.QuietAsync();
        var trap = f.Faults.Arm(point, r => At(point, r));
        var ids = new List<string>();
        foreach (var photo in bytes)
        {
            var ticket = await (await TicketAsync(app, unit, photo)).ExpectAsync(201);
            Assert.Equal(201, await AppUnderTest.PutAsync(ticket, photo));
            ids.Add(ticket.Str("evidenceId"));
            await (await app.SendAsync(HttpMethod.Post, $"api/v1/evidence/{ids[^1]}/commit", Admin)).ExpectAsync(202);
        }
        await f.OutageAtAsync(trap, whileDown: async () =>
            await (await app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{ids[0]}", Admin)).ExpectProblemAsync(503, "storage_unavailable"));

        var items = new Dictionary<string, JsonObject>();
        await FaultApp.EventuallyAsync(async () =>
        {
            foreach (var id in ids)
            {
                items[id] = await (await app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{id}", Admin)).ExpectAsync(200);
            }
            return items.Values.All(i => i.Str("state") != "pending");
        });
        Assert.All(items.Values, i => Assert.Equal("verified", i.Str("state")));
        Assert.Equal([1, 2, 3], items.Values.Select(i => i["chainSeq"]!.GetValue<long>()).Order());
        var listed = await (await app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=org&ownerId={unit}", Admin)).ExpectAsync(200);
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Ids().Order(StringComparer.Ordinal));
        var verify = await (await app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace/verify", Admin)).ExpectAsync(200);
        Assert.True(verify["valid"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(Photos, verify["checked"]!.GetValue<int>());

        var store = f.Service<EvidenceStore>();
        var (links, head) = await store.ChainAsync(unit);
        Assert.Equal(ids.Order(StringComparer.Ordinal), links.Select(l => l.EvidenceId).Order(StringComparer.Ordinal));
        Assert.Equal(Photos, head?.Item1);
        var staging = new BlobContainerClient(app.Storage.ConnectionString, "evidence-staging");
        var kept = new BlobContainerClient(app.Storage.ConnectionString, "evidence");
        var blobsChecked = 0;
        foreach (var id in ids)
        {
            var record = (await store.FindAsync(id))!.Record;
            // The staging clean-up runs after the record is verified; a retried message finishes it.
            await FaultApp.EventuallyAsync(async () => !await staging.GetBlobClient(EvidenceBlobNames.Sealed(record)).ExistsAsync());
            Assert.False(await staging.GetBlobClient(EvidenceBlobNames.Upload(record)).ExistsAsync());
            Assert.False(await staging.GetBlobClient(EvidenceBlobNames.Sealed(record)).ExistsAsync());
            Assert.True(await kept.GetBlobClient(EvidenceBlobNames.Photo(record)).ExistsAsync());
            Assert.True(await kept.GetBlobClient(EvidenceBlobNames.Thumbnail(record)).ExistsAsync());
            blobsChecked += 4;
        }
        // Every message staged went out: the items' processing requests and their chain heads' integration events.
        await f.OutboxDrainedAsync();
        output.WriteLine($"fault at {point} ({trap.Held}): faults injected {f.FaultsInjected}; photos {Photos}; " +
            $"processing runs {f.Runs("ProcessEvidence")} ({f.FailedRuns("ProcessEvidence")} failed and retried); " +
            $"storage calls failed {f.Faults.Failed}; chain links {links.Count}; blobs checked {blobsChecked}; {f.OutboxCounts()}");
    }

    private static Task<HttpResponseMessage> TicketAsync(AppUnderTest app, string unit, byte[] photo) =>
        app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", Admin, new
        {
            ownerType = "org", ownerId = unit, fileName = "现场.jpg", contentType = "image/jpeg", size = photo.LongLength,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)),
        });
}
