using System.Text.Json.Nodes;

namespace RedYifang.RealHost.Tests;

/// <summary>An order from need to rating on the Functions host: its queue triggers rank suggestions and process the photo.</summary>
[Collection("real host")]
public sealed class OrderLifecycleTests(RealHostFixture fixture)
{
    private readonly FunctionsHost _app = fixture.App;
    private readonly TestDistrict _d = fixture.District;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    [Fact]
    public async Task An_order_goes_from_need_to_rating_with_a_photo_through_the_upload_url()
    {
        var resource = await _d.PublishedResourceAsync(_app);
        var id = await _d.PublishedOrderAsync(_app);

        // The match-requests queue trigger ranks the published resource for the published order.
        JsonObject suggestions = [];
        await Eventually.WaitAsync(async () =>
        {
            suggestions = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}/suggestions", _d.CommunityAdmin)).ExpectAsync(
                200);
            return suggestions["items"]!.AsArray().Count > 0;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(resource, suggestions["items"]![0].Str("resourceId"));

        Assert.Equal(
            "matched",
            (await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200)).Str("state"));
        await (await Act(id, "agree", _d.Liaison)).ExpectAsync(200);
        await (await Act(id, "start", _d.Liaison)).ExpectAsync(200);

        // Ticket, plain PUT to the SAS URL, commit, then the evidence-process queue trigger verifies it.
        var photo = await _app.UploadAsync(_d.Liaison, "order", id, Photos.Jpeg(7));
        Assert.Equal("verified", photo.Str("state"));
        Assert.StartsWith("http", photo.Str("thumbnailUrl"));

        await (await Act(id, "complete", _d.Liaison, new { evidenceIds = new[] { photo.Str("id") }, serviceHours = 2, beneficiaries = 1 }))
            .ExpectAsync(200);
        await (await Act(id, "accept", _d.CommunityAdmin)).ExpectAsync(200);
        var rated = await (await Act(id, "rate", _d.Resident, new { stars = 5, comment = "很及时" })).ExpectAsync(200);

        Assert.Equal("closed", rated.Str("state"));
        Assert.Equal(["submitted", "published", "matched", "agreed", "inProgress", "completed", "accepted", "closed"],
            rated["history"]!.AsArray().Select(h => h.Str("to")));
        await ProblemAssert.IsAsync(await Act(id, "rate", _d.Resident, new { stars = 4 }), 409, "invalid_transition");
    }
}
