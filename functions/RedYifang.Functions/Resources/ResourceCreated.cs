using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Resources;

/// <summary>
/// A unit listed a resource, as a draft (written with it, <see cref="ResourceStore.AddAsync"/>): nothing is ranked for a draft, so
/// Matching does not hear of it; <see cref="ResourceIntegrationEvents"/> publishes it.
/// </summary>
public sealed record ResourceCreated(Resource Resource) : IDomainEvent
{
    public DateTimeOffset At => Resource.CreatedAt;
}
