using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Organisations;

public static class OrganisationsRegistration
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddSingleton<OrgStore>();
        services.AddSingleton<CreateOrganisation>();
        services.AddSingleton<RoleGrants>();
        return services;
    }
}
