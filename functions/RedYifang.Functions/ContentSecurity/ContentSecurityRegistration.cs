using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.ContentSecurity;

public static class ContentSecurityRegistration
{
    public static IServiceCollection AddContentSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentSecurityOptions>().Bind(configuration.GetSection(ContentSecurityOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TextScreening>();
        services.AddSingleton<MediaChecks>();
        services.AddSingleton<MediaCheckStore>();
        services.AddSingleton<ModerationStore>();
        services.AddSingleton<ModeratedOwners>();
        services.AddSingleton<RecordModeration>();
        services.AddSingleton<ListPendingModeration>();
        services.AddSingleton<DecideModeration>();
        services.AddSingleton<IWeChatPushHandler, MediaCheckPushHandler>();
        services.AddSingleton<IEventTranslator, ModerationTranslator>();
        services.AddSingleton(new OutboxTable(MediaCheckStore.TableName));
        return services;
    }
}
