using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Rankings' published contract (docs/events.md): <c>ranking.published</c> for each provisional version of a scope's ranking of
/// a period (the district's, or a street's) and <c>ranking.finalised</c> once, for the version that is frozen. They name the
/// version and its peer groups, not the ranks: the ranking itself is public (<c>GET /v1/rankings/{period}</c>). Ids: a
/// provisional version is named by its scope, period, version and the instant it was generated (the same content may be
/// published again after a change and its undoing, and is then a new event); the final one by its scope and period alone.
/// </summary>
public sealed class RankingIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not RankingPublished { Meta: var m }) yield break;
        var (queue, message) = IntegrationEvent.Of(
            m.Final
                ? $"ranking-{m.ScopeId}-{m.Period}-final"
                : $"ranking-{m.ScopeId}-{m.Period}-{m.Version}-{m.GeneratedAt.ToUnixTimeMilliseconds()}",
            m.Final ? IntegrationEventType.RankingFinalised : IntegrationEventType.RankingPublished,
            m.GeneratedAt,
            new
            {
                districtId = m.DistrictId, streetId = m.StreetScope ? m.ScopeId : null, period = m.Period, version = m.Version,
                final = m.Final, generatedAt = m.GeneratedAt,
                peerGroups = m.Rows.Where(r => r.StartsWith("g|", StringComparison.Ordinal)).Select(r => r.Split('|')[1]).Distinct()
                    .Order(StringComparer.Ordinal).ToList(),
            });
        yield return new OutboxMessage(queue, message);
    }
}
