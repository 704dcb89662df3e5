using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Evidence;
using SkiaSharp;

namespace RedYifang.Functions.Tests.Evidence;

/// <summary>
/// Evidence that cannot change once it passed its checks: whatever a client writes through its upload URL after the
/// commit is never read, processed, served or verified; kept bytes are re-hashed by a deep verify; chain heads are
/// published outside the account and a rebuilt chain fails its anchor; photos are judged by their header first.
/// </summary>
public sealed class EvidenceSealingTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;

    private async Task<string> NewUnitAsync() =>
        (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new
        {
            kind = "unit", parentId = fixture.District.StreetId, name = "封存测试单位"
                + Guid.NewGuid().ToString("N")[..8], unitKind = "socialOrganization",
        })).ExpectAsync(201)).Str("id");

    private async Task<JsonObject> TicketAsync(string unit, byte[] bytes, string contentType, string fileName) =>
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", Admin, new
        {
            ownerType = "org", ownerId = unit, fileName, contentType, size = bytes.LongLength, sha256 = Convert.ToHexStringLower(
                SHA256.HashData(bytes)),
        })).ExpectAsync(201);

    private async Task<JsonObject> CommitAsync(string id) =>
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/evidence/{id}/commit", Admin)).ExpectAsync(202);

    private async Task<JsonObject> EvidenceAsync(string id) =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{id}", Admin)).ExpectAsync(200);

    private async Task<JsonObject> VerifyAsync(string unit, string query = "") =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace/verify{query}", Admin)).ExpectAsync(200);

    /// <summary>Ticket, PUT, commit and processing; returns the verified item.</summary>
    private async Task<JsonObject> UploadAsync(string unit, byte[] bytes, string contentType = "image/jpeg", string fileName = "现场.jpg")
    {
        var ticket = await TicketAsync(unit, bytes, contentType, fileName);
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, bytes));
        var id = ticket.Str("evidenceId");
        await CommitAsync(id);
        await fixture.ProcessAsync(id);
        var evidence = await EvidenceAsync(id);
        Assert.Equal("verified", evidence.Str("state"));
        return evidence;
    }

    private static JsonObject WithContentType(JsonObject ticket, string contentType)
    {
        var changed = ticket.DeepClone().AsObject();
        changed["requiredHeaders"]!["Content-Type"] = contentType;
        return changed;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Puts_through_the_upload_url_after_commit_before_processing_and_after_verification_change_nothing()
    {
        var unit = await NewUnitAsync();
        var original = Photos.WithGpsExif(Photos.Jpeg(401, 800, 600));
        var ticket = await TicketAsync(unit, original, "image/jpeg", "现场.jpg");
        var id = ticket.Str("evidenceId");
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, original));

        Assert.Equal("pending", (await CommitAsync(id)).Str("state"));
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, Photos.Jpeg(402, 800, 600)));      // after commit, before processing
        await fixture.ProcessAsync(id);

        var verified = await EvidenceAsync(id);
        Assert.Equal("verified", verified.Str("state"));
        Assert.Equal(Sha(original), verified.Str("uploadSha256"));
        using var plain = new HttpClient();
        var served = await plain.GetAsync(verified.Str("url"));
        var kept = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(verified.Str("sha256"), Sha(kept));
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(-1, kept.AsSpan().IndexOf("Exif\0\0"u8));
        using (var keptPicture = SKBitmap.Decode(kept))
        using (var originalPicture = SKBitmap.Decode(original))
        {
            // The original's picture, not the one put after the commit.
            Assert.True(ImageWork.Distance(ImageWork.DifferenceHash(keptPicture), ImageWork.DifferenceHash(originalPicture)) <= 2);
        }

        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, Photos.Jpeg(403, 800, 600)));      // after verification
        Assert.Equal(kept, await plain.GetByteArrayAsync((await EvidenceAsync(id)).Str("url")));
        Assert.True((await VerifyAsync(unit))["valid"]!.GetValue<bool>());
        var deep = await VerifyAsync(unit, "?deep=true");
        Assert.True(deep["valid"]!.GetValue<bool>());
        Assert.Equal(1, deep["bytesChecked"]!.GetValue<int>());

        // The sealed original (with its GPS) is gone; only the last late PUT sits in staging, read by nothing.
        var staging = fixture.Container("evidence-staging");
        Assert.False(await staging.GetBlobClient($"sealed/{unit}/{id}").ExistsAsync());
        Assert.True(await staging.GetBlobClient($"uploads/{unit}/{id}").ExistsAsync());
    }

    [Fact]
    public async Task A_document_replaced_after_commit_is_never_read_and_is_served_as_what_its_bytes_are()
    {
        var unit = await NewUnitAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var ticket = await TicketAsync(unit, pdf, "application/pdf", "验收\"报告;/<script>.pdf");
        var id = ticket.Str("evidenceId");
        // The uploader's own Content-Type on the PUT is never what is served.
        Assert.Equal(201, await AppUnderTest.PutAsync(WithContentType(ticket, "text/html"), pdf));
        await CommitAsync(id);
        var html = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script>" + new string(' ', 200_000) + "</html>");
        Assert.Equal(201, await AppUnderTest.PutAsync(WithContentType(ticket, "text/html"), html));
        await fixture.ProcessAsync(id);

        var verified = await EvidenceAsync(id);
        Assert.Equal("verified", verified.Str("state"));
        Assert.Equal((long)pdf.Length, verified["size"]!.GetValue<long>());
        Assert.Equal(Sha(pdf), verified.Str("sha256"));
        using var plain = new HttpClient();
        var served = await plain.GetAsync(verified.Str("url"));
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        var disposition = served.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("验收报告<script>.pdf", disposition.FileNameStar);                  // quote, ';' and '/' removed
        Assert.DoesNotContain("\"", disposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task Deep_verify_names_kept_bytes_changed_or_missing_behind_the_stores_back()
    {
        var changed = await NewUnitAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await UploadAsync(changed, Photos.Jpeg(410 + i))).Str("id"));
        var evidence = fixture.Container("evidence");
        // With the account key, as only someone holding it could: new bytes under the second photo's kept name.
        await evidence.GetBlobClient($"{changed}/{ids[1]}/photo.jpg").UploadAsync(new BinaryData(Photos.Jpeg(499)), overwrite: true);

        Assert.True((await VerifyAsync(changed))["valid"]!.GetValue<bool>());             // the records alone still agree
        var deep = await VerifyAsync(changed, "?deep=true");
        Assert.False(deep["valid"]!.GetValue<bool>());
        Assert.Equal(1, deep["checked"]!.GetValue<int>());
        Assert.Equal(ids[1], deep["firstBreak"].Str("evidenceId"));
        Assert.Equal("bytes_changed", deep["firstBreak"].Str("reason"));

        var missing = await NewUnitAsync();
        var document = await UploadAsync(missing, Encoding.ASCII.GetBytes("%PDF-1.4\n%会议纪要\n%%EOF\n"), "application/pdf", "纪要.pdf");
        await evidence.GetBlobClient($"{missing}/{document.Str("id")}/document").DeleteAsync();
        var gone = await VerifyAsync(missing, "?deep=true");
        Assert.Equal(
            new JsonObject { ["evidenceId"] = document.Str("id"), ["reason"] = "bytes_missing" }.ToJsonString(),
            gone["firstBreak"]!.ToJsonString());

        // A period holding none of them re-hashes nothing.
        var quiet = await VerifyAsync(changed, "?deep=true&period=2020-01");
        Assert.True(quiet["valid"]!.GetValue<bool>());
        Assert.Equal(0, quiet["bytesChecked"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_decompression_png_is_refused_by_its_header_with_too_many_pixels()
    {
        var unit = await NewUnitAsync();
        var bomb = Photos.BlackPng(12000, 12000);
        Assert.True(bomb.Length < 200_000, $"{bomb.Length} bytes");
        var ticket = await TicketAsync(unit, bomb, "image/png", "bomb.png");
        Assert.Equal(201, await AppUnderTest.PutAsync(ticket, bomb));
        await CommitAsync(ticket.Str("evidenceId"));
        await fixture.ProcessAsync(ticket.Str("evidenceId"));

        var refused = await EvidenceAsync(ticket.Str("evidenceId"));
        Assert.Equal("rejected", refused.Str("state"));
        Assert.Equal("too_many_pixels", refused.Str("reason"));
        Assert.Null(refused["url"]);
        Assert.False(await fixture.Container("evidence-staging").GetBlobClient($"sealed/{unit}/{ticket.Str("evidenceId")}").ExistsAsync());
    }

    [Fact]
    public async Task Every_chain_head_is_published_and_an_anchor_detects_a_rebuilt_chain()
    {
        var unit = await NewUnitAsync();
        var items = new List<JsonObject>();
        for (
            var i = 0;
            i < 3;
            i++) items.Add(await UploadAsync(unit, Encoding.ASCII.GetBytes($"%PDF-1.4\n%第{i}份\n%%EOF\n"), "application/pdf", $"{i}.pdf"));
        var heads = items.ConvertAll(e => (Seq: e["chainSeq"]!.GetValue<long>(), Hash: e.Str("chainHash")));
        Assert.Equal([1L, 2L, 3L], heads.Select(h => h.Seq));

        // Published on the wire, one event per head, the event id being the MessageId (duplicate detection).
        await Eventually.WaitAsync(() => Task.FromResult(
            fixture.Peer.Received.Count(r => r.Message.Properties.MessageId?.StartsWith($"chainhead-{unit}-") == true) == 3),
            TimeSpan.FromSeconds(20));
        var events = fixture.Peer.Received.Where(r => r.Message.Properties.MessageId?.StartsWith($"chainhead-{unit}-") == true)
            .Select(r => r.Message).OrderBy(m => m.Properties.MessageId).ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("evidence.chainHead", e.Properties.Subject));
        var last = JsonNode.Parse(events[^1].Body switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            Amqp.Framing.Data data => Encoding.UTF8.GetString(data.Binary),
            var other => other?.ToString() ?? "",
        })!;
        Assert.Equal((unit, 3L, heads[2].Hash), (last.Str("orgId"), last["sequence"]!.GetValue<long>(), last.Str("headHash")));

        // Rebuild the chain after changing the second record, as someone who can rewrite the whole partition could.
        var table = _app.Table("Evidence");
        var previous = heads[0].Hash;
        for (var seq = 2; seq <= 3; seq++)
        {
            var link = (await table.GetEntityAsync<TableEntity>(unit, $"chain|{seq:D12}")).Value;
            var record = (await table.GetEntityAsync<TableEntity>(unit, $"evd|{link.GetString("EvidenceId")}")).Value;
            var doc = JsonNode.Parse(record.GetString("Doc"))!.AsObject();
            var sha = seq == 2 ? new string('a', 64) : link.GetString("Sha256");
            var hash = HashChain.Link(previous, sha, link.GetString("EvidenceId"), link.GetDateTimeOffset("CommittedAt")!.Value);
            (doc["sha256"], doc["chainHash"]) = (sha, hash);
            record["Doc"] = doc.ToJsonString();
            (link["Sha256"], link["PreviousHash"], link["ChainHash"]) = (sha, previous, hash);
            await table.UpdateEntityAsync(record, record.ETag);
            await table.UpdateEntityAsync(link, link.ETag);
            previous = hash;
        }
        var head = (await table.GetEntityAsync<TableEntity>(unit, "head")).Value;
        head["Hash"] = previous;
        await table.UpdateEntityAsync(head, head.ETag);

        Assert.True((await VerifyAsync(unit))["valid"]!.GetValue<bool>());                 // consistent in itself
        var anchored = await VerifyAsync(unit, $"?anchor=3:{heads[2].Hash}");
        Assert.False(anchored["valid"]!.GetValue<bool>());
        Assert.False(anchored["anchor"]!["held"]!.GetValue<bool>());
        Assert.Equal((items[2].Str("id"), "link_broken"), (anchored["firstBreak"].Str("evidenceId"), anchored["firstBreak"].Str("reason")));
        var early = await VerifyAsync(unit, $"?anchor=1:{heads[0].Hash}");
        Assert.True(early["valid"]!.GetValue<bool>());
        Assert.True(early["anchor"]!["held"]!.GetValue<bool>());
        var beyond = await VerifyAsync(unit, $"?anchor=4:{heads[2].Hash}");                 // a head the chain never reached
        Assert.False(beyond["anchor"]!["held"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("?deep=yes", "deep")]
    [InlineData("?deep=TRUE", "deep")]
    [InlineData("?deep=true&deep=false", "deep")]
    [InlineData("?period=2026-13", "period")]
    [InlineData("?anchor=abc", "anchor")]
    [InlineData("?anchor=0:0000000000000000000000000000000000000000000000000000000000000000", "anchor")]
    [InlineData("?anchor=%D9%A3:0000000000000000000000000000000000000000000000000000000000000000", "anchor")]   // Arabic-Indic 3
    [InlineData("?anchor=3:0000000000000000000000000000000000000000000000000000000000000000%0A", "anchor")]    // trailing newline
    [InlineData("?anchor=3:ABCDEF0000000000000000000000000000000000000000000000000000000000", "anchor")]
    public async Task Bad_verify_input_is_400_naming_the_field(string query, string field)
    {
        var unit = await NewUnitAsync();
        var problem = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{unit}/trace/verify{query}", Admin)).ExpectAsync(400);
        Assert.Equal("validation_failed", problem.Str("code"));
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
