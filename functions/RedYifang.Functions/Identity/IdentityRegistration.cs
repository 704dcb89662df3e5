using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Identity.WeChat;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

public static class IdentityRegistration
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WeChatWebOptions>().Bind(configuration.GetSection(WeChatWebOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<WeChatClient>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<IAuthenticator>(s => s.GetRequiredService<CallerAuthenticator>());
        services.AddSingleton<OpenIdSignIn>();
        services.AddSingleton<SignInWithWeChat>();
        services.AddSingleton<DevSignIn>();
        services.AddSingleton<SignInWithWeChatWeb>();
        services.AddSingleton<GetMe>();
        services.AddSingleton<RebuildRoleHolders>();
        return services;
    }
}
