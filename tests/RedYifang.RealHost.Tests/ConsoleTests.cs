using System.Net;

namespace RedYifang.RealHost.Tests;

/// <summary>
/// The admins' console on the real Functions host, as Azure serves it: at /console/ beside the API (host.json's routePrefix
/// is "" and the API's routes carry api/), with its policy, and the app's paths answered with its page.
/// </summary>
[Collection("real host")]
public sealed class ConsoleTests(RealHostFixture fixture)
{
    private readonly FunctionsHost _app = fixture.App;

    [Fact]
    public async Task The_console_is_served_at_console_with_its_policy_beside_the_api()
    {
        var page = await _app.Http.GetAsync("console/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'; script-src 'self';", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/console/assets/", html);

        var route = await _app.Http.GetAsync("console/orders/ord_x1");
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Equal(html, await route.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync("console/assets/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync("api/health")).StatusCode);
    }
}
