using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

public static class OrdersRegistration
{
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OrderHandlers>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton(new OutboxTable(OrderStore.TableName));
        return services;
    }
}
