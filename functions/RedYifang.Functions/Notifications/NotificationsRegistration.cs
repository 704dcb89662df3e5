using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Notifications;

public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .PostConfigure(o => o.ApplyDefaults())
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidation>();
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<SendNotifications>();
        services.AddSingleton<AddSubscription>();
        services.AddSingleton<ListSubscriptions>();
        services.AddSingleton<ListNotifications>();
        services.AddSingleton<MarkNotificationRead>();
        services.AddSingleton<IEventTranslator, NotificationTranslator>();
        return services;
    }

    /// <summary>Unknown templates and field mappings that cannot be sent stop the app at start, each named.</summary>
    private sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationOptions options) =>
            options.Errors() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
