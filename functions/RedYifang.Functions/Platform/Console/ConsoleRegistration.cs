using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Platform.Console;

public static class ConsoleRegistration
{
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));
        services.AddSingleton<ConsoleFiles>();
        services.AddSingleton<UploadCors>();
        return services;
    }
}
