using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Funding;

public static class FundingRegistration
{
    public static IServiceCollection AddFunding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FundingOptions>().Bind(configuration.GetSection(FundingOptions.SectionName)).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FundingStore>();
        services.AddSingleton<Openings>();
        services.AddSingleton<SetBudget>();
        services.AddSingleton<RecordMovement>();
        services.AddSingleton<ReverseMovement>();
        services.AddSingleton<ListAccounts>();
        services.AddSingleton<ListMovements>();
        services.AddSingleton<GetEntitlements>();
        services.AddSingleton<RecordGift>();
        services.AddSingleton<IEventTranslator, FundingIntegrationEvents>();
        services.AddSingleton<IEventTranslator, FundsOrderTranslator>();
        services.AddSingleton(new OutboxTable(FundingStore.TableName));
        return services;
    }
}
