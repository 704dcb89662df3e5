using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.Funding;

/// <summary>
/// The funding slice's app: a street's default budget of 1000.50 yuan (Funding:StreetBudget) instead of the seed's 800,000, so a
/// test reaches the limit and the answer shows the configured figure, not a constant; and its storage clients passing through
/// <see cref="Barrier"/>, which the disbursement race arms.
/// </summary>
public sealed class FundingApp : SliceApp
{
    public ReadBarrier Barrier { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Funding:StreetBudget"] = "1000.50",
    };

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new StorageClients(configuration, Barrier));
}

[CollectionDefinition(Name)]
public sealed class FundingSlice : ICollectionFixture<FundingApp>
{
    public const string Name = "funding";
}
