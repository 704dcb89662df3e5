using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

public static class AssessmentRegistration
{
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton<KeptTotals>();
        services.AddSingleton<FactStore>();
        services.AddSingleton<RankingStore>();
        services.AddSingleton<Platform.Events.IEventTranslator, RankingIntegrationEvents>();
        services.AddSingleton<Districts>();
        services.AddSingleton<IndicatorSets>();
        services.AddSingleton<DistrictOrgs>();
        services.AddSingleton<ScoredGroups>();
        services.AddSingleton<AssessmentRuns>();
        services.AddSingleton<AssessmentFacts>();
        services.AddSingleton<Platform.Events.IEventTranslator, AssessmentTranslator>();
        services.AddSingleton<RecordCoBuildingFacts>();
        services.AddSingleton<Platform.Events.IEventTranslator, CoBuildingTranslator>();
        services.AddSingleton<StationStore>();
        services.AddSingleton<Platform.Events.IEventTranslator, StationTranslator>();
        services.AddSingleton<RecordEvaluationFacts>();
        services.AddSingleton<Platform.Events.IEventTranslator, EvaluationTranslator>();
        services.AddSingleton<GetAwardEligibility>();
        services.AddSingleton<Statistics>();
        services.AddSingleton<PublishedRankings>();
        services.AddSingleton<GetIndicatorSet>();
        services.AddSingleton<PutIndicatorSet>();
        services.AddSingleton<StartAssessmentRun>();
        services.AddSingleton<RunAllDistricts>();
        services.AddSingleton<GetRanking>();
        services.AddSingleton<GetRankingBreakdown>();
        services.AddSingleton<GetRankingFacts>();
        services.AddSingleton<ExportRanking>();
        services.AddSingleton(new OutboxTable(RankingStore.TableName));
        return services;
    }
}
