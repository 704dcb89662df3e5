using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Alliances;

/// <summary>The alliance slice's app: its storage clients pass through <see cref="Barrier"/>, which the race tests arm.</summary>
public sealed class AlliancesApp : SliceApp
{
    public ReadBarrier Barrier { get; } = new();

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new StorageClients(configuration, Barrier));
}
