namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// A resident's photos on their own order (issue 17): up to nine, through the same ticket, sealing and processing as every other
/// evidence, while the order is submitted or published; the owner reads every item of their order's evidence, strangers none.
/// </summary>
[Collection(Slices.Orders)]
public sealed class ResidentPhotoTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("photos");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> TicketAsync(string asUser, string orderId, byte[] bytes, string contentType = "image/jpeg") =>
        _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", asUser, new
        {
            ownerType = "order", ownerId = orderId, fileName = "现场.jpg", contentType, size = bytes.LongLength,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
        });

    private async Task<List<string>> ListedAsync(string orderId, string asUser) =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=order&ownerId={orderId}&limit=100", asUser))
            .ExpectAsync(200)).Ids();

    [Fact]
    public async Task The_owner_attaches_nine_photos_while_the_order_is_open_and_a_tenth_is_422()
    {
        var order = (await _d.SubmitOrderAsync(_app, "repairs")).Str("id");
        var first = await _app.UploadAsync(_d.Resident, "order", order, Photos.Jpeg(1701));
        Assert.Equal("verified", first.Str("state"));
        Assert.StartsWith($"evd_{_d.CommunityId[4..]}-", first.Str("id"));              // into the community's archive
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/publish", _d.CommunityAdmin, new { })).ExpectAsync(200);
        var second = await _app.UploadAsync(_d.Resident, "order", order, Photos.Jpeg(1702));
        Assert.Equal("verified", second.Str("state"));
        // Seven more tickets, held unused: each counts until it lapses.
        for (var i = 0; i < 7; i++) await (await TicketAsync(_d.Resident, order, Photos.Jpeg(1710 + i))).ExpectAsync(201);
        var before = await ListedAsync(order, _d.CommunityAdmin);

        var tenth = await (await TicketAsync(_d.Resident, order, Photos.Jpeg(1720))).ExpectProblemAsync(422, "too_many_photos");

        Assert.Equal(["ownerId"], tenth.Errors().Keys);
        Assert.Equal(before, await ListedAsync(order, _d.CommunityAdmin));               // the refusal recorded nothing
        Assert.Equal(9, before.Count);
        // The limit is the owner's own: the community still attaches to the order.
        await (await TicketAsync(_d.CommunityAdmin, order, Photos.Jpeg(1721))).ExpectAsync(201);
    }

    [Fact]
    public async Task The_owner_attaches_photos_only_and_only_before_the_match_and_others_not_at_all()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "legalAid");
        var order = await _d.PublishedOrderAsync(_app, "legalAid");
        var pdf = "%PDF-1.4 minimal"u8.ToArray();
        var document = await (await TicketAsync(_d.Resident, order, pdf, "application/pdf")).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(new Dictionary<string, string[]> { ["contentType"] = ["只能上传照片"] }, document.Errors());
        await (await TicketAsync(_d.OtherResident, order, Photos.Jpeg(1730))).ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/match", _d.CommunityAdmin, new { resourceId = resource }))
            .ExpectAsync(200);

        var closed = await (await TicketAsync(_d.Resident, order, Photos.Jpeg(1731))).ExpectProblemAsync(409, "invalid_transition");

        Assert.Contains("matched", closed.Str("detail"), StringComparison.Ordinal);
        Assert.Empty(await ListedAsync(order, _d.CommunityAdmin));
    }

    [Fact]
    public async Task The_owner_reads_each_item_of_their_order_and_a_stranger_gets_404()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "medical");
        var order = await _d.PublishedOrderAsync(_app, "medical");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/match", _d.CommunityAdmin, new { resourceId = resource }))
            .ExpectAsync(200);
        var unitPhoto = (await _app.UploadAsync(_d.Liaison, "order", order, Photos.Jpeg(1740))).Str("id");

        var seen = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{unitPhoto}", _d.Resident)).ExpectAsync(200);

        Assert.Equal(("verified", order), (seen.Str("state"), seen.Str("ownerId")));
        Assert.NotNull(seen["url"]);
        Assert.Equal([unitPhoto], await ListedAsync(order, _d.Resident));
        foreach (var stranger in new[] { _d.OtherResident, _d.Stranger })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence/{unitPhoto}", stranger)).ExpectProblemAsync(404, "not_found");
        }
    }
}
