using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

public static class SitesRegistration
{
    public static IServiceCollection AddSites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SiteStore>();
        services.AddSingleton<SiteChanges>();
        services.AddSingleton<SiteQueries>();
        services.AddSingleton<CreateSite>();
        services.AddSingleton<GetSite>();
        services.AddSingleton<ListSites>();
        services.AddSingleton<EditSite>();
        services.AddSingleton<BookSite>();
        services.AddSingleton<CancelBooking>();
        services.AddSingleton<ListBookings>();
        services.AddSingleton<GetCompliance>();
        services.AddSingleton<IEventTranslator, SiteIntegrationEvents>();
        services.AddSingleton(new OutboxTable(SiteStore.TableName));
        return services;
    }
}
