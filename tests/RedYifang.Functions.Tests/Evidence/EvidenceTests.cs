using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Evidence;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace RedYifang.Functions.Tests.Evidence;

[Collection(Slices.Evidence)]
public sealed class EvidenceTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("evidence");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fresh unit of its own, so its trace archive and chain hold only what the test puts there.</summary>
    private Task<string> NewUnitAsync(string name = "痕迹测试单位")
        => _d.OrgAsync(_app, "unit", _d.StreetId, name + Guid.NewGuid().ToString("N")[..8], "socialOrganization");

    private async Task<JsonObject> TicketAsync(
        string ownerId,
        byte[] bytes,
        string contentType = "image/jpeg",
        long? size = null,
        string? sha = null) =>
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", Admin, new
        {
            ownerType = "org", ownerId, fileName = "../../etc/passwd.jpg", contentType, size = size ?? bytes.LongLength,
            sha256 = sha ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201);

    private async Task<JsonObject> CommitAsync(string id) =>
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/evidence/{id}/commit", Admin)).ExpectAsync(202);

    /// <summary>Whether any of the item's blobs exists: its upload, its sealed copy, or a kept file.</summary>
    private async Task<bool> BlobExistsAsync(string evidenceId)
    {
        var record = (await _app.Services.GetService<EvidenceStore>()!.FindAsync(evidenceId))!.Record;
        var staging = new Azure.Storage.Blobs.BlobContainerClient(_app.Storage.ConnectionString, "evidence-staging");
        var evidence = new Azure.Storage.Blobs.BlobContainerClient(_app.Storage.ConnectionString, "evidence");
        foreach (var blob in new[]
                 {
                     staging.GetBlobClient(EvidenceBlobNames.Upload(record)), staging.GetBlobClient(EvidenceBlobNames.Sealed(record)),
                     evidence.GetBlobClient(EvidenceBlobNames.Photo(record)), evidence.GetBlobClient(EvidenceBlobNames.Thumbnail(record)),
                     evidence.GetBlobClient(EvidenceBlobNames.Document(record)),
                 })
        {
            if (await blob.ExistsAsync()) return true;
        }
        return false;
    }

    [Fact]
    public async Task The_upload_url_writes_one_server_named_blob_and_nothing_else()
    {
        var unit = await NewUnitAsync();
        var bytes = Photos.Jpeg(101);
        var before = DateTimeOffset.UtcNow;
        var ticket = await TicketAsync(unit, bytes);
        var after = DateTimeOffset.UtcNow;
        var url = new Uri(ticket.Str("uploadUrl"));
        Assert.EndsWith($"/evidence-staging/uploads/{unit}/{ticket.Str("evidenceId")}", url.AbsolutePath);
        Assert.StartsWith($"evd_{unit[4..]}-", ticket.Str("evidenceId"));
        Assert.InRange(
            DateTimeOffset.Parse(ticket.Str("expiresAt")),
            before.AddMinutes(10).AddSeconds(-1),
            after.AddMinutes(10).AddSeconds(1));
        Assert.Equal(new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = "image/jpeg" },
            ticket["requiredHeaders"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>()));

        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, bytes));

        using var plain = new HttpClient();
        Assert.Equal(403, (int)(await plain.GetAsync(url)).StatusCode);                                    // cannot read
        var container = new UriBuilder(url) {
            Path = url.AbsolutePath[..url.AbsolutePath.LastIndexOf('/')],
            Query = url.Query.TrimStart('?') + "&restype=container&comp=list" };
        Assert.Equal(403, (int)(await plain.GetAsync(container.Uri)).StatusCode);                         // cannot list
        var sibling = new UriBuilder(url) { Path = url.AbsolutePath + "-other" };
        var otherTicket = new JsonObject {
            ["uploadUrl"] = sibling.Uri.ToString(),
            ["requiredHeaders"] = ticket["requiredHeaders"]!.DeepClone() };
        Assert.Equal(403, await AppUnderTest.PutAsync(otherTicket, bytes));                               // cannot write another blob
    }

    [Fact]
    public async Task The_upload_url_stops_working_when_it_expires()
    {
        await using var shortLived = await slice.StartAnotherAsync(
            new Dictionary<string, string?> { ["Evidence:UploadTicketLifetime"] = "00:00:02" });
        var unit = await NewUnitAsync();
        var bytes = Photos.Jpeg(102);
        var ticket = await (await shortLived.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", Admin, new
        {
            ownerType = "org", ownerId = unit, fileName = "a.jpg", contentType = "image/jpeg", size = bytes.Length,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(403, await AppUnderTest.PutAsync(ticket, bytes));
        var committed = await (await shortLived.SendAsync(HttpMethod.Post, $"api/v1/evidence/{ticket.Str("evidenceId")}/commit", Admin))
            .ExpectAsync(202);
        Assert.Equal(("rejected", "nothing was uploaded"), (committed.Str("state"), committed.Str("reason")));
    }

    public static TheoryData<string> Mismatches => ["hash", "size", "disguised"];

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task A_mismatch_with_the_ticket_is_rejected_and_leaves_no_blob(string mismatch)
    {
        var unit = await NewUnitAsync();
        var photo = Photos.Jpeg(103);
        var png = PngBytes();
        var (declared, uploaded, type) = mismatch switch
        {
            "hash" => (photo, Photos.Jpeg(104), "image/jpeg"),
            "size" => (photo, photo[..^10], "image/jpeg"),
            _ => (png, png, "image/jpeg"),
        };
        var ticket = await TicketAsync(unit, declared, type, size: mismatch == "size" ? photo.Length : uploaded.Length,
            sha: Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(declared)));
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, uploaded));

        var committed = await CommitAsync(ticket.Str("evidenceId"));

        var reason = mismatch switch
        {
            "hash" => "SHA-256 differs from the ticket",
            "size" => $"size is {photo.Length - 10} bytes, the ticket said {photo.Length}",
            _ => "the bytes are image/png, not image/jpeg",
        };
        Assert.Equal(("rejected", reason), (committed.Str("state"), committed.Str("reason")));
        Assert.False(await BlobExistsAsync(ticket.Str("evidenceId")));
        Assert.Equal(committed.ToJsonString(), (await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/evidence/{ticket.Str("evidenceId")}",
            Admin)).ExpectAsync(200)).ToJsonString());
    }

    [Fact]
    public async Task A_photo_with_GPS_is_stored_without_it_with_a_thumbnail()
    {
        var unit = await NewUnitAsync();
        var original = Photos.WithGpsExif(Photos.Jpeg(105, 1280, 960));
        Assert.True(Contains(original, "Exif\0\0"u8.ToArray()));

        var before = DateTimeOffset.UtcNow;
        var evidence = await _app.UploadAsync(Admin, "org", unit, original);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(("verified", "image/jpeg", "photo"), (evidence.Str("state"), evidence.Str("contentType"), evidence.Str("kind")));
        using var plain = new HttpClient();
        var stored = await plain.GetByteArrayAsync(evidence.Str("url"));
        Assert.False(Contains(stored, "Exif\0\0"u8.ToArray()));
        Assert.Equal(evidence.Str("sha256"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(original)), evidence.Str("uploadSha256"));
        Assert.Equal(stored.LongLength, evidence["size"]!.GetValue<long>());
        using (var kept = SKBitmap.Decode(stored)) Assert.Equal((1280, 960), (kept.Width, kept.Height));
        using var thumbnail = SKBitmap.Decode(await plain.GetByteArrayAsync(evidence.Str("thumbnailUrl")));
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));
        Assert.InRange(DateTimeOffset.Parse(evidence.Str("urlsExpireAt")), before.AddMinutes(10).AddSeconds(-1), after.AddMinutes(10).AddSeconds(1));   // Evidence:ReadUrlLifetime
    }

    [Fact]
    public async Task The_same_picture_proving_another_object_is_flagged()
    {
        var first = await NewUnitAsync();
        var second = await NewUnitAsync();
        var picture = Photos.Jpeg(106);

        var original = await _app.UploadAsync(Admin, "org", first, picture);
        var again = await _app.UploadAsync(Admin, "org", first, picture);
        var reused = await _app.UploadAsync(Admin, "org", second, Recompressed(picture));

        Assert.Null(original["duplicateOf"]);
        Assert.Null(again["duplicateOf"]);                       // the same object may show a picture twice
        Assert.Equal(original.Str("id"), reused.Str("duplicateOf"));
        var different = await _app.UploadAsync(Admin, "org", second, Photos.Jpeg(107));
        Assert.Null(different["duplicateOf"]);
        Assert.All([original, again, reused, different], e => Assert.Equal("verified", e.Str("state")));   // flagged, not refused
    }

    [Fact]
    public async Task A_corrupt_image_is_rejected_once_not_retried()
    {
        var unit = await NewUnitAsync();
        var corrupt = new byte[4096];
        new Random(5).NextBytes(corrupt);
        corrupt[0] = 0xFF; corrupt[1] = 0xD8; corrupt[2] = 0xFF;

        var ticket = await TicketAsync(unit, corrupt);
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, corrupt));
        Assert.Equal("pending", (await CommitAsync(ticket.Str("evidenceId"))).Str("state"));
        var settled = await _app.SettledAsync(ticket.Str("evidenceId"), Admin);

        Assert.Equal(("rejected", "the image cannot be decoded"), (settled.Str("state"), settled.Str("reason")));
        // Processing deletes the sealed copy right after recording the rejection.
        await Eventually.WaitAsync(async () => !await BlobExistsAsync(ticket.Str("evidenceId")), TimeSpan.FromSeconds(10));
        Assert.False(await BlobExistsAsync(ticket.Str("evidenceId")));
        var poison = new Azure.Storage.Queues.QueueClient(_app.Storage.ConnectionString, "evidence-process-poison");
        Assert.Empty(await poison.ExistsAsync() ? (await poison.PeekMessagesAsync(32)).Value : []);
    }

    [Fact]
    public async Task The_chain_verifies_and_reports_an_edited_or_deleted_record()
    {
        var edited = await NewUnitAsync();
        var deleted = await NewUnitAsync();
        var ids = new List<string>();
        foreach (var unit in new[] { edited, deleted })
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _app.UploadAsync(Admin, "org", unit, Photos.Jpeg(200 + ids.Count))).Str("id"));
        }
        foreach (var unit in new[] { edited, deleted })
        {
            var ok = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace/verify", Admin)).ExpectAsync(200);
            Assert.True(ok["valid"]!.GetValue<bool>());
            Assert.Equal(3, ok["checked"]!.GetValue<int>());
            Assert.Null(ok["firstBreak"]);
        }

        var table = _app.Table("Evidence");
        var row = (await table.GetEntityAsync<TableEntity>(edited, $"evd|{ids[1]}")).Value;
        row["Doc"] = row.GetString("Doc").Replace(row.GetString("Doc").Split("\"sha256\":\"")[1][..64], new string('a', 64));
        await table.UpdateEntityAsync(row, row.ETag);
        await table.DeleteEntityAsync(deleted, $"evd|{ids[4]}");

        var afterEdit = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{edited}/trace/verify", Admin)).ExpectAsync(200);
        Assert.False(afterEdit["valid"]!.GetValue<bool>());
        Assert.Equal(1, afterEdit["checked"]!.GetValue<int>());
        Assert.Equal((ids[1], "record_changed"), (afterEdit["firstBreak"].Str("evidenceId"), afterEdit["firstBreak"].Str("reason")));
        var afterDelete = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{deleted}/trace/verify", Admin)).ExpectAsync(200);
        Assert.False(afterDelete["valid"]!.GetValue<bool>());
        Assert.Equal(1, afterDelete["checked"]!.GetValue<int>());
        Assert.Equal((ids[4], "record_missing"), (afterDelete["firstBreak"].Str("evidenceId"), afterDelete["firstBreak"].Str("reason")));
    }

    [Fact]
    public async Task Admin_documents_stream_in_and_join_the_trace_archive()
    {
        var unit = await NewUnitAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%会议纪要\n" + new string('x', 300_000) + "\n%%EOF");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("org"), "ownerType" },
            { new StringContent(unit), "ownerId" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "联席会议纪要.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/evidence") { Content = form };
        request.Headers.Authorization = new("Bearer", await _app.TokenAsync(Admin));

        var created = await (await _app.Http.SendAsync(request)).ExpectAsync(201);
        var settled = await _app.SettledAsync(created.Str("id"), Admin);

        Assert.Equal(("verified", "application/pdf", "document", "联席会议纪要.pdf"),
            (settled.Str("state"), settled.Str("contentType"), settled.Str("kind"), settled.Str("fileName")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), settled.Str("sha256"));
        Assert.Equal(pdf.LongLength, settled["size"]!.GetValue<long>());
        var period = TimeZoneInfo.ConvertTime(
            DateTimeOffset.Parse(settled.Str("committedAt")),
            TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST")).ToString("yyyy-MM");
        var trace = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace?period={period}", Admin)).ExpectAsync(200);
        Assert.Equal([created.Str("id")], trace.Ids("evidenceId"));
        Assert.Equal(settled.Str("chainHash"), trace["items"]![0].Str("chainHash"));
        var bad = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace?period=2026-13", Admin)).ExpectProblemAsync(
            400,
            "validation_failed");
        Assert.Equal(["period"], bad.Errors().Keys);
    }

    [Fact]
    public async Task Completing_an_order_needs_verified_evidence_of_that_order()
    {
        var resource = await _d.PublishedResourceAsync(_app, monthlyCapacity: 5, category: "repairs");
        var order = await _d.PublishedOrderAsync(_app, "repairs");
        foreach (var (action, who, body) in new (string, string, object?)[] {
            ("match", _d.CommunityAdmin, new { resourceId = resource }),
            ("agree", _d.Liaison, null),
            ("start", _d.Liaison, null) })
        {
            await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", who, body ?? new { })).ExpectAsync(200);
        }
        var unit = await NewUnitAsync();
        var foreign = (await _app.UploadAsync(Admin, "org", unit, Photos.Jpeg(300))).Str("id");
        var bytes = Photos.Jpeg(302);
        var pending = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Liaison, new
        {
            ownerType = "order", ownerId = order, fileName = "a.jpg", contentType = "image/jpeg", size = bytes.Length,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201)).Str("evidenceId");

        foreach (var evidence in new[] { foreign, pending, $"evd_{_d.UnitId[4..]}-nothere" })
        {
            var refused = await _app.SendAsync(
                HttpMethod.Post,
                $"api/v1/orders/{order}/complete",
                _d.Liaison,
                new { evidenceIds = new[] { evidence }, serviceHours = 1, beneficiaries = 3 });
            var problem = await refused.ExpectProblemAsync(422, "evidence_not_verified");
            Assert.Equal(new Dictionary<string, string[]> { ["evidenceIds"] = ["须为本订单已核验的痕迹"] }, problem.Errors());
        }
        Assert.Equal(
            "inProgress",
            (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", _d.Liaison)).ExpectAsync(200)).Str("state"));
        var verified = (await _app.UploadAsync(_d.Liaison, "order", order, Photos.Jpeg(303))).Str("id");
        var done = await (await _app.SendAsync(
            HttpMethod.Post,
            $"api/v1/orders/{order}/complete",
            _d.Liaison,
            new { evidenceIds = new[] { verified }, serviceHours = 1, beneficiaries = 3 })).ExpectAsync(200);
        Assert.Equal("completed", done.Str("state"));
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={order}", _d.CommunityAdmin))
            .ExpectAsync(200);
        Assert.Equal(new Dictionary<string, string> { [pending] = "pending", [verified] = "verified" },
            listed["items"]!.AsArray().ToDictionary(e => e.Str("id"), e => e.Str("state")));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={order}", _d.Stranger)).ExpectProblemAsync(
            404,
            "not_found");
    }

    [Fact]
    public async Task Uploads_need_rights_on_the_owner_and_a_supported_file()
    {
        var otherUnit = await NewUnitAsync("别人的单位");
        var bytes = Photos.Jpeg(301);
        var body = new { ownerType = "org", ownerId = otherUnit, fileName = "a.jpg", contentType = "image/jpeg", size = bytes
            .Length, sha256 = new string('0', 64) };
        async Task<JsonObject> Refused(object request, int status, string code) =>
            await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Liaison, request)).ExpectProblemAsync(status, code);

        await Refused(body, 403, "forbidden");
        const string Accepted = "只接受：image/jpeg, image/png, image/webp, application/pdf, "
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document, "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Assert.Equal(new Dictionary<string, string[]> { ["contentType"] = [Accepted] },
            (await Refused(body with { ownerId = _d.UnitId, contentType = "image/gif" }, 400, "validation_failed")).Errors());
        Assert.Equal(new Dictionary<string, string[]> { ["size"] = ["须为 1–10485760 字节"] },
            (await Refused(body with { ownerId = _d.UnitId, size = 11 * 1024 * 1024 }, 400, "validation_failed")).Errors());
        Assert.Equal(new Dictionary<string, string[]> { ["sha256"] = ["须为 64 位十六进制 SHA-256"] },
            (await Refused(body with { ownerId = _d.UnitId, sha256 = "abc" }, 400, "validation_failed")).Errors());
        Assert.Equal(new Dictionary<string, string[]> { ["sha256"] = ["须为 64 位十六进制 SHA-256"] },      // the contract's pattern: no newline
            (await Refused(body with { ownerId = _d.UnitId, sha256 = new string('0', 64) + "\n" }, 400, "validation_failed")).Errors());
        // Every kind of owner is answered for now (activities: Activities/ActivityEvidenceOwner.cs): one that is not there is 404.
        await Refused(body with { ownerType = "activity", ownerId = "act_x1" }, 404, "not_found");
        await Refused(body with { ownerId = "org_nothere1" }, 404, "not_found");
        var ticket = await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Liaison, body with { ownerId = _d.UnitId }))
            .ExpectAsync(201);
        Assert.StartsWith($"evd_{_d.UnitId[4..]}-", ticket.Str("evidenceId"));
    }

    private static byte[] PngBytes()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(SKColors.Green);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Recompressed(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 70);
        return data.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
