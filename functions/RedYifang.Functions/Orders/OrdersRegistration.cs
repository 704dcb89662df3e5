using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

public static class OrdersRegistration
{
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.FollowUpAfterDays < o.CloseUnratedAfterDays,
                "Orders:FollowUpAfterDays must be less than Orders:CloseUnratedAfterDays (the follow-up opens before the order closes).")
            .ValidateOnStart();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<Evidence.IEvidenceOwner, OrderEvidenceOwner>();
        services.AddSingleton<ContentSecurity.IModerated, OrderModeration>();
        services.AddSingleton<OrderChanges>();
        services.AddSingleton<OrderResources>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<ListOrders>();
        services.AddSingleton<SubmitOrder>();
        services.AddSingleton<PublishOrder>();
        services.AddSingleton<RejectOrder>();
        services.AddSingleton<CancelOrder>();
        services.AddSingleton<ClaimOrder>();
        services.AddSingleton<MatchOrder>();
        services.AddSingleton<AgreeOrder>();
        services.AddSingleton<StartOrder>();
        services.AddSingleton<CompleteOrder>();
        services.AddSingleton<AcceptOrder>();
        services.AddSingleton<ReopenOrder>();
        services.AddSingleton<RateOrder>();
        services.AddSingleton<DeclineOrder>();
        services.AddSingleton<ExpireStaleOrders>();
        services.AddSingleton<LapseUnansweredMatches>();
        services.AddSingleton<FollowUpOrder>();
        services.AddSingleton<ApproveClaim>();
        services.AddSingleton<RejectClaim>();
        services.AddSingleton<CloseUnratedOrders>();
        services.AddSingleton<IEventTranslator, OrderIntegrationEvents>();
        services.AddSingleton(new OutboxTable(OrderStore.TableName));
        return services;
    }
}
