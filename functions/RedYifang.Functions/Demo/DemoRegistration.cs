using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Demo;

public static class DemoRegistration
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
        => services.AddSingleton<DemoDistrict>().AddSingleton<DemoServiceMenu>().AddSingleton<DemoEvidence>();
}
