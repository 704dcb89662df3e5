using System.Net.Http.Headers;
using System.Text;

namespace RedYifang.Functions.Tests.Evidence;

/// <summary>
/// A document form cut off before its closing boundary (a client that stopped sending, a proxy that truncated it) is the
/// client's error: 400 on field <c>file</c>, and no evidence is recorded. It answered 500 internal_error (found by the fuzz
/// tier, Fuzz/ContractFuzzTests.cs).
/// </summary>
[Collection(Slices.Evidence)]
public sealed class DocumentFormTests(SliceApp slice) : IAsyncLifetime
{
    private const string Boundary = "cut-off-form";
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _district = null!;

    public async Task InitializeAsync() => _district = await slice.DistrictAsync("docform");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <param name="cutAt">Where the form ends: in the first field's headers, in the file, just before the closing boundary.</param>
    [Theory]
    [InlineData(60)]
    [InlineData(400)]
    [InlineData(-30)]
    public async Task A_form_cut_off_is_400_on_file_and_records_nothing(int cutAt)
    {
        var form = Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"ownerType\"\r\n\r\norg\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"ownerId\"\r\n\r\n{_district.UnitId}\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"纪要.pdf\"\r\n\r\n"
            + "%PDF-1.4\n" + new string('x', 2000) + "\n%%EOF\r\n"
            + $"--{Boundary}--\r\n");
        var cut = form[..(cutAt > 0 ? cutAt : form.Length + cutAt)];
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/evidence") { Content = new ByteArrayContent(cut) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        request.Headers.Authorization = new("Bearer", await _app.TokenAsync(_district.DistrictAdmin));

        var problem = await (await _app.Http.SendAsync(request)).ExpectProblemAsync(400, "validation_failed");

        Assert.Equal(new Dictionary<string, string[]> { ["file"] = ["表单不完整：在结束边界之前中断"] }, problem.Errors());
        var evidence = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/evidence?ownerType=org&ownerId={_district.UnitId}",
            _district.DistrictAdmin)).ExpectAsync(200);
        Assert.Empty(evidence.Ids());
    }
}
