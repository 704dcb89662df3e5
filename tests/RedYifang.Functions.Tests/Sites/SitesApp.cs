using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// The sites slice's app: the area standard set to 150.25 m² per started 2 non-public enterprises (Sites:AreaPerBlockM2,
/// Sites:EnterprisesPerBlock) instead of the seed's 300 per 100, so that a district of a few units crosses blocks and the
/// answer shows the configured rule, not a constant; and its storage clients passing through <see cref="Barrier"/>, which the
/// booking race arms.
/// </summary>
public sealed class SitesApp : SliceApp
{
    public ReadBarrier Barrier { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Sites:AreaPerBlockM2"] = "150.25", ["Sites:EnterprisesPerBlock"] = "2",
    };

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new StorageClients(configuration, Barrier));
}
