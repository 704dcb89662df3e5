using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Matching;

public static class MatchingRegistration
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Platform.Events.IEventTranslator, MatchingTranslator>();
        services.AddSingleton<UnitRecords>();
        services.AddSingleton<SuggestionStore>();
        services.AddSingleton<Suggestions>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<BatchMatching>();
        services.AddSingleton(new Platform.Storage.OutboxTable(RunStore.TableName));
        return services;
    }
}
