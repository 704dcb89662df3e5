using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

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
        services.AddSingleton<EditOrganisation>();
        services.AddSingleton<GetOrgHistory>();
        services.AddSingleton<IPartyCounts, PartyCountsFromHistory>();
        services.AddSingleton<IEventTranslator, OrgIntegrationEvents>();
        services.AddSingleton(new OutboxTable(OrgStore.TableName));
        return services;
    }
}
