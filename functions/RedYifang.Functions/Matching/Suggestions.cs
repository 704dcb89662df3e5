using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Keeps each published order's top suggestions current as orders and resources change (queue <c>match-requests</c>).
/// Orders are read through Orders' queries; resources, their capacity and organisations still through Resources' and
/// Organisations' stores, for now.
/// </summary>
public sealed partial class Suggestions(
    OrderQueries orders, ResourceStore resources, OrgStore orgs, SuggestionStore store, CapacityLedger ledger, UnitRecords records,
    IOptions<MatchingOptions> options, TimeProvider clock, ILogger<Suggestions> logger)
{
    private readonly Scoring _scoring = new(options.Value);

    public Candidates NewCandidates() => new(resources, ledger, records, ChinaTime.Month(clock.GetUtcNow()));

    public async Task HandleAsync(MatchRequest request, CancellationToken ct)
    {
        switch (request.Kind)
        {
            case "order":
                await RankOrderAsync(request.Id, NewCandidates(), ct);
                break;
            case "resource":
                await RerankAroundResourceAsync(request.Id, ct, request.FormerAreaIds ?? []);
                break;
            default:
                LogUnknownKind(request.Kind);
                break;
        }
    }

    /// <summary>Ranks the published resources for a published order; anything else is left alone.</summary>
    public async Task RankOrderAsync(string orderId, Candidates candidates, CancellationToken ct)
    {
        if (await orders.FindAsync(orderId, ct) is not { State: OrderState.Published } order) return;
        var need = OrderNeed.From(order);
        var today = ChinaTime.Today(clock.GetUtcNow());
        var offers = await candidates.ForAsync(need, ct);
        var scored = offers.Select(o => _scoring.Score(need, o, today)).Where(s => s is not null).Select(s => s!);
        var ranked = Scoring.Rank(scored, options.Value.SuggestionsKept);
        await store.PutAsync(order, new StoredSuggestions(ranked, clock.GetUtcNow()), ct);
    }

    /// <summary>A resource changed: re-rank the published orders in the communities it serves, and served before an edit.</summary>
    public async Task RerankAroundResourceAsync(string resourceId, CancellationToken ct, IReadOnlyList<string>? formerAreaIds = null)
    {
        var stored = await resources.FindAsync(resourceId, ct);
        if (stored is null) return;
        var candidates = NewCandidates();
        foreach (var communityId in await CommunitiesServedAsync([.. stored.Resource.AreaIds, .. formerAreaIds ?? []], ct))
        {
            string? token = null;
            do
            {
                var page = await orders.PublishedInCommunityAsync(communityId, Paging.After(100, token), ct);
                foreach (var order in page.Items.Where(o => o.Category == stored.Resource.Category))
                {
                    await RankOrderAsync(order.Id, candidates, ct);
                }
                token = page.ContinuationToken;
            } while (token is not null);
        }
    }

    private async Task<IReadOnlyList<string>> CommunitiesServedAsync(IEnumerable<string> areaIds, CancellationToken ct)
    {
        var communities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var areaId in areaIds.Distinct())
        {
            var area = await orgs.FindAsync(areaId, ct);
            switch (area?.Kind)
            {
                case OrgKind.Community:
                    communities.Add(area.Id);
                    break;
                case OrgKind.Grid:
                    communities.Add(area.Path[^2]);
                    break;
                case OrgKind.Street:
                    var page = await orgs.ListChildrenAsync(area.Id, OrgKind.Community, new Paging(100, null), ct);
                    communities.UnionWith(page.Items.Select(c => c.Id));
                    break;
            }
        }
        return communities.Order(StringComparer.Ordinal).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a match request of unknown kind {Kind}")]
    private partial void LogUnknownKind(string kind);
}
