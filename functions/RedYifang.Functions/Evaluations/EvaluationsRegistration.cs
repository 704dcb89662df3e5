using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evaluations;

public static class EvaluationsRegistration
{
    public static IServiceCollection AddEvaluations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection(EvaluationOptions.Section)).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<SubmitEvaluation>();
        services.AddSingleton<GetReceivedEvaluations>();
        services.AddSingleton<ListEvaluations>();
        services.AddSingleton<CloseEvaluationWindows>();
        services.AddSingleton<RunEvaluationTimer>();
        services.AddSingleton<IEventTranslator, EvaluationIntegrationEvents>();
        services.AddSingleton<ContentSecurity.IModerated, EvaluationModeration>();
        services.AddSingleton(new OutboxTable(EvaluationStore.TableName));
        return services;
    }
}
