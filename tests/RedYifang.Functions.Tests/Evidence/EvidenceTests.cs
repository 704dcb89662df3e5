using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Evidence;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace RedYifang.Functions.Tests.Evidence;

[Collection("app")]
public sealed class EvidenceTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = "dev-admin";

    /// <summary>A fresh unit of its own, so its trace archive and chain hold only what the test puts there.</summary>
    private async Task<string> NewUnitAsync() =>
        (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new
        {
            kind = "unit", parentId = "org_demo-s2", name = "痕迹测试单位" + Guid.NewGuid().ToString("N")[..8], unitKind = "socialOrganization",
        })).ExpectAsync(201)).Str("id");

    private async Task<JsonObject> TicketAsync(string ownerId, byte[] bytes, string contentType = "image/jpeg", long? size = null, string? sha = null) =>
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
        var ticket = await TicketAsync(unit, bytes);
        var url = new Uri(ticket.Str("uploadUrl"));
        Assert.DoesNotContain("passwd", url.AbsolutePath);
        Assert.True(DateTimeOffset.Parse(ticket.Str("expiresAt")) <= DateTimeOffset.UtcNow.AddMinutes(10.1));

        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, bytes));

        using var plain = new HttpClient();
        Assert.Equal(403, (int)(await plain.GetAsync(url)).StatusCode);                                    // cannot read
        var container = new UriBuilder(url) { Path = url.AbsolutePath[..url.AbsolutePath.LastIndexOf('/')], Query = url.Query.TrimStart('?') + "&restype=container&comp=list" };
        Assert.Equal(403, (int)(await plain.GetAsync(container.Uri)).StatusCode);                         // cannot list
        var sibling = new UriBuilder(url) { Path = url.AbsolutePath + "-other" };
        var otherTicket = new JsonObject { ["uploadUrl"] = sibling.Uri.ToString(), ["requiredHeaders"] = ticket["requiredHeaders"]!.DeepClone() };
        Assert.Equal(403, await AppUnderTest.PutAsync(otherTicket, bytes));                               // cannot write another blob
    }

    [Fact]
    public async Task The_upload_url_stops_working_when_it_expires()
    {
        await using var shortLived = await AppUnderTest.StartAsync(_app.Storage, _app.WeChat,
            new Dictionary<string, string?> { ["Evidence:UploadTicketLifetime"] = "00:00:02" }, seedDemo: false);
        var unit = await NewUnitAsync();
        var bytes = Photos.Jpeg(102);
        var ticket = await (await shortLived.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", Admin, new
        {
            ownerType = "org", ownerId = unit, fileName = "a.jpg", contentType = "image/jpeg", size = bytes.Length,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(403, await AppUnderTest.PutAsync(ticket, bytes));
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

        Assert.Equal("rejected", committed.Str("state"));
        Assert.False(string.IsNullOrEmpty(committed.Str("reason")));
        Assert.False(await BlobExistsAsync(ticket.Str("evidenceId")));
    }

    [Fact]
    public async Task A_photo_with_GPS_is_stored_without_it_with_a_thumbnail()
    {
        var unit = await NewUnitAsync();
        var original = Photos.WithGpsExif(Photos.Jpeg(105, 1280, 960));
        Assert.True(Contains(original, "Exif\0\0"u8.ToArray()));

        var evidence = await _app.UploadAsync(Admin, "org", unit, original);

        Assert.Equal("verified", evidence.Str("state"));
        using var plain = new HttpClient();
        var stored = await plain.GetByteArrayAsync(evidence.Str("url"));
        Assert.False(Contains(stored, "Exif\0\0"u8.ToArray()));
        Assert.Equal(evidence.Str("sha256"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)));
        using var thumbnail = SKBitmap.Decode(await plain.GetByteArrayAsync(evidence.Str("thumbnailUrl")));
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));
        Assert.True(DateTimeOffset.Parse(evidence.Str("urlsExpireAt")) <= DateTimeOffset.UtcNow.AddMinutes(15));
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
    }

    [Fact]
    public async Task A_corrupt_image_is_rejected_once_not_retried()
    {
        var unit = await NewUnitAsync();
        var corrupt = new byte[4096];
        new Random(5).NextBytes(corrupt);
        corrupt[0] = 0xFF; corrupt[1] = 0xD8; corrupt[2] = 0xFF;

        var ticket = await TicketAsync(unit, corrupt);
        await AppUnderTest.PutAsync(ticket, corrupt);
        await CommitAsync(ticket.Str("evidenceId"));
        var settled = await _app.SettledAsync(ticket.Str("evidenceId"), Admin);

        Assert.Equal("rejected", settled.Str("state"));
        var poison = new Azure.Storage.Queues.QueueClient(_app.Storage.ConnectionString, "evidence-process-poison");
        Assert.False(await poison.ExistsAsync() && (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains(ticket.Str("evidenceId"))));
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
        }

        var table = _app.Table("Evidence");
        var row = (await table.GetEntityAsync<TableEntity>(edited, $"evd|{ids[1]}")).Value;
        row["Doc"] = row.GetString("Doc").Replace(row.GetString("Doc").Split("\"sha256\":\"")[1][..64], new string('a', 64));
        await table.UpdateEntityAsync(row, row.ETag);
        await table.DeleteEntityAsync(deleted, $"evd|{ids[4]}");

        var afterEdit = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{edited}/trace/verify", Admin)).ExpectAsync(200);
        Assert.False(afterEdit["valid"]!.GetValue<bool>());
        Assert.Equal(1, afterEdit["checked"]!.GetValue<int>());
        Assert.Equal(ids[1], afterEdit["firstBreak"].Str("evidenceId"));
        Assert.Equal("record_changed", afterEdit["firstBreak"].Str("reason"));
        var afterDelete = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{deleted}/trace/verify", Admin)).ExpectAsync(200);
        Assert.Equal(ids[4], afterDelete["firstBreak"].Str("evidenceId"));
        Assert.Equal("record_missing", afterDelete["firstBreak"].Str("reason"));
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

        Assert.Equal("verified", settled.Str("state"));
        Assert.Equal("application/pdf", settled.Str("contentType"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), settled.Str("sha256"));
        var period = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST")).ToString("yyyy-MM");
        var trace = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace?period={period}", Admin)).ExpectAsync(200);
        Assert.Equal(created.Str("id"), Assert.Single(trace["items"]!.AsArray()).Str("evidenceId"));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace?period=2026-13", Admin)).ExpectAsync(400);
    }

    [Fact]
    public async Task Completing_an_order_needs_verified_evidence_of_that_order()
    {
        var resource = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", "dev-liaison", new
        {
            unitId = "org_demo-u01", title = "维修" + Guid.NewGuid().ToString("N")[..6], category = "repairs", description = "水电维修", kind = "service",
            areaIds = new[] { "org_demo-s1" }, monthlyCapacity = 5, availability = Array.Empty<object>(), validFrom = "2026-01-01", validTo = "2030-12-31",
        })).ExpectAsync(201)).Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{resource}/publish", "dev-liaison")).ExpectAsync(200);
        var order = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", "dev-resident", new
        {
            communityId = "org_demo-s1-c1", title = "水管漏水", category = "repairs", description = "厨房水管漏水", beneficiaries = 3, urgency = "high", level = "community",
        })).ExpectAsync(201)).Str("id");
        foreach (var (action, who, body) in new (string, string, object?)[] { ("publish", "dev-community", null), ("match", "dev-community", new { resourceId = resource }), ("agree", "dev-liaison", null), ("start", "dev-liaison", null) })
        {
            await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", who, body ?? new { })).ExpectAsync(200);
        }
        var unit = await NewUnitAsync();
        var foreign = (await _app.UploadAsync(Admin, "org", unit, Photos.Jpeg(300))).Str("id");
        var bytes = Photos.Jpeg(302);
        var pending = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", new
        {
            ownerType = "order", ownerId = order, fileName = "a.jpg", contentType = "image/jpeg", size = bytes.Length,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        })).ExpectAsync(201)).Str("evidenceId");

        foreach (var evidence in new[] { foreign, pending, "evd_demo-u01-nothere" })
        {
            var refused = await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/complete", "dev-liaison", new { evidenceIds = new[] { evidence }, serviceHours = 1, beneficiaries = 3 });
            Assert.Equal("evidence_not_verified", (await refused.ExpectAsync(422)).Str("code"));
        }
        var verified = (await _app.UploadAsync("dev-liaison", "order", order, Photos.Jpeg(303))).Str("id");
        var done = await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/complete", "dev-liaison", new { evidenceIds = new[] { verified }, serviceHours = 1, beneficiaries = 3 })).ExpectAsync(200);
        Assert.Equal("completed", done.Str("state"));
        var listed = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={order}", "dev-community")).ExpectAsync(200);
        Assert.Contains(listed["items"]!.AsArray(), e => e.Str("id") == verified);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={order}", "someone-else")).ExpectAsync(404);
    }

    [Fact]
    public async Task Uploads_need_rights_on_the_owner_and_a_supported_file()
    {
        var bytes = Photos.Jpeg(301);
        var body = new { ownerType = "org", ownerId = "org_demo-u02", fileName = "a.jpg", contentType = "image/jpeg", size = bytes.Length, sha256 = new string('0', 64) };
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", body)).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", body with { ownerId = "org_demo-u01", contentType = "image/gif" })).ExpectAsync(400);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", body with { ownerId = "org_demo-u01", size = 11 * 1024 * 1024 })).ExpectAsync(400);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", body with { ownerType = "activity", ownerId = "act_x1" })).ExpectAsync(422);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", "dev-liaison", body with { ownerId = "org_demo-u01" })).ExpectAsync(201);
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
