using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions;

/// <summary>
/// The Functions host's worker as Program.cs builds it: ASP.NET Core integration, the HTTP pipeline as worker
/// middleware, the app's services. Here rather than in Program.cs so that a test builds this very host without running it.
/// </summary>
public static class AppHost
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpPipelineMiddleware>();
        builder.Services.AddRedYifang(builder.Configuration);
        return builder;
    }
}
