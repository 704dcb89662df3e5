using System.Net;

namespace RedYifang.LocalHost.Tests;

[Collection("sample")]
public sealed class HttpTriggerTests(SampleAppFixture fixture)
{
    [Fact]
    public async Task Serves_the_route_template_under_the_api_prefix_binding_route_values()
    {
        var response = await fixture.Http.GetAsync("api/sample/echo/ab/3?suffix=!");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ababab!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Honours_methods_and_route_constraints()
    {
        // A known route with a method it does not take is 404, as on the Functions host (ASP.NET Core alone says 405).
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.PostAsync("api/sample/echo/ab/3", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("api/sample/echo/ab/three")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("sample/echo/ab/3")).StatusCode);
    }

    [Fact]
    public async Task A_function_disabled_by_setting_is_not_served()
    {
        // Work (queue) and Tick (timer) off too, so this host takes none of the shared queue's messages.
        await using var host = await fixture.StartAnotherAsync(new()
        {
            ["AzureWebJobs.Echo.Disabled"] = "true", ["AzureWebJobs.Work.Disabled"] = "true", ["AzureWebJobs.Tick.Disabled"] = "True",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress() };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/sample/echo/ab/3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync("api/sample/echo/ab/3")).StatusCode);
    }
}
