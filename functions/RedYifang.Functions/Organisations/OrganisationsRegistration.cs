using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Organisations;

public static class OrganisationsRegistration
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddSingleton<OrgStore>();
        services.AddSingleton<CreateOrganisation>();
        services.AddSingleton<GetOrganisation>();
        services.AddSingleton<ListOrganisations>();
        services.AddSingleton<GrantRole>();
        services.AddSingleton<RevokeRole>();
        return services;
    }
}
