using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

public static class MatchingRegistration
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEventTranslator, MatchingTranslator>();
        services.AddSingleton<UnitRecords>();
        services.AddSingleton<SuggestionStore>();
        services.AddSingleton<Suggestions>();
        services.AddSingleton<GetSuggestions>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<StartMatchingRun>();
        services.AddSingleton<GetMatchingRun>();
        services.AddSingleton<ExecuteMatchingRun>();
        services.AddSingleton(new OutboxTable(RunStore.TableName));
        return services;
    }
}
