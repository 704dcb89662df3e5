using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Demo;

public static class DemoRegistration
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
        => services.AddSingleton<DemoDistrict>().AddSingleton<DemoServiceMenu>().AddSingleton<DemoEvidence>().AddSingleton<DemoMessages>()
            .AddSingleton<DemoPeople>().AddSingleton<DemoPartyMembers>().AddSingleton<DemoAgreements>().AddSingleton<DemoActivities>()
            .AddSingleton<DemoCoBuilding>().AddSingleton<DemoSites>().AddSingleton<DemoAlliances>().AddSingleton<DemoEvaluations>()
            .AddSingleton<DemoFunding>();
}
