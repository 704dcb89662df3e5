using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// A scope's ranking of a period was published as a new version (<see cref="RankingMeta.Final"/>: the version that never
/// changes again), written with the scope's meta row (<see cref="RankingStore.PublishAsync"/>).
/// <see cref="RankingIntegrationEvents"/> publishes it.
/// </summary>
public sealed record RankingPublished(RankingMeta Meta) : IDomainEvent
{
    public DateTimeOffset At => Meta.GeneratedAt;
}
