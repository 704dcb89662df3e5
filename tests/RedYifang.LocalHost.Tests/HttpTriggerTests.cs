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
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await fixture.Http.PostAsync("api/sample/echo/ab/3", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("api/sample/echo/ab/three")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("sample/echo/ab/3")).StatusCode);
    }
}
