using System.Net.Http.Headers;
using System.Text;

namespace RedYifang.Functions.Tests.Evidence;

/// <summary>
/// Streaming a document into an organisation's trace archive needs an admin role over that organisation: an admin role
/// somewhere else (here, over another community) does not let a unit's liaison stream documents in for the unit.
/// </summary>
[Collection(Slices.Evidence)]
public sealed class DocumentUploadScopeTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _district = null!;

    public async Task InitializeAsync() => _district = await slice.DistrictAsync("docscope");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_liaison_who_is_admin_of_another_community_may_not_stream_documents_in_for_the_unit()
    {
        var other = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", AppUnderTest.BootstrapAdmin,
            new { kind = "community", parentId = _district.StreetId, name = "另一个社区（docscope）" })).ExpectAsync(201)).Str("id");
        var liaisonId = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", _district.Liaison)).ExpectAsync(200)).Str("id");
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{other}/roles/{liaisonId}", AppUnderTest.BootstrapAdmin,
            new { role = "communityAdmin" })).ExpectAsync(200);

        var refused = await UploadAsync(_district.Liaison);
        Assert.Equal("forbidden", (await refused.ExpectAsync(403)).Str("code"));
        await (await UploadAsync(_district.StreetAdmin)).ExpectAsync(201);
        await (await UploadAsync(_district.DistrictAdmin)).ExpectAsync(201);
    }

    private async Task<HttpResponseMessage> UploadAsync(string openId)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("org"), "ownerType" },
            { new StringContent(_district.UnitId), "ownerId" },
        };
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%共建协议\n%%EOF"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "共建协议.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/evidence") { Content = form };
        request.Headers.Authorization = new("Bearer", await _app.TokenAsync(openId));
        return await _app.Http.SendAsync(request);
    }
}
