namespace RedYifang.Functions.Organisations;

/// <summary>
/// Answers <see cref="IPartyCounts"/> from the district's organisations and their history (two key ranges of its tree): the
/// counts in force at an instant are those after the last edit at or before it, or — when every edit came later — those
/// before the first edit, or the current ones when the organisation was never edited.
/// </summary>
public sealed class PartyCountsFromHistory(OrgStore orgs) : IPartyCounts
{
    public async Task<IReadOnlyList<PartyCountsAt>> AsOfAsync(string scopeId, OrgKind kind, DateTimeOffset at, CancellationToken ct)
    {
        if (await orgs.FindAsync(scopeId, ct) is not { } scope) return [];
        var history = (await orgs.DistrictHistoryAsync(scope.Path[0], ct)).ToLookup(e => e.OrgId, StringComparer.Ordinal);
        return
        [
            .. (await orgs.InDistrictAsync(scope.Path[0], ct))
                .Where(o => o.Kind == kind && o.Path.Contains(scope.Id) && o.CreatedAt <= at)
                .OrderBy(o => o.Id, StringComparer.Ordinal)
                .Select(o => At(o, history[o.Id], at)),
        ];
    }

    /// <summary>The counts in force at <paramref name="at"/>, given the organisation's edits (any order).</summary>
    public static PartyCountsAt At(Org org, IEnumerable<OrgHistoryEntry> edits, DateTimeOffset at)
    {
        var ordered = edits.OrderBy(e => e.At).ToList();
        var figures = ordered.LastOrDefault(e => e.At <= at)?.After ?? ordered.FirstOrDefault()?.Before ?? OrgFigures.Of(org);
        return new PartyCountsAt(org.Id, org.Name, figures.PartyBranches, figures.PartyMembers);
    }
}
