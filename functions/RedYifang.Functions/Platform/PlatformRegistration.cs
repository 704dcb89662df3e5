using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Health;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform;

public static class PlatformRegistration
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new StorageClients(configuration));
        services.AddSingleton<Tables>();
        services.AddSingleton<StorageHealth>();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Quotas.QuotaOptions>().Bind(configuration.GetSection(Quotas.QuotaOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Quotas.BurstLimits>();
        services.AddSingleton<Quotas.QuotaRows>();
        services.AddSingleton<Quotas.DailyQuotas>();
        services.AddSingleton<Quotas.HeldQuotas>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HttpPipeline>();
        services.AddSingleton<Storage.StorageOutage>();
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<Events.EventTranslators>();
        services.AddOptions<WeChat.WeChatOptions>().Bind(configuration.GetSection(WeChat.WeChatOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WeChat.WeChatHttp.HttpClientName);
        services.AddSingleton<WeChat.WeChatHttp>();
        services.AddSingleton<WeChat.WeChatAccessTokens>();
        services.AddSingleton<WeChat.WeChatServer>();
        services.AddOptions<WeChat.WeChatPushOptions>().Bind(configuration.GetSection(WeChat.WeChatPushOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChat.WeChatPushOptions>, WeChat.WeChatPushOptionsValidation>();
        services.AddSingleton<WeChat.ReceiveWeChatPush>();
        return services;
    }
}
