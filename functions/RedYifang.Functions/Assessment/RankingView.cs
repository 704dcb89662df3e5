namespace RedYifang.Functions.Assessment;

public sealed record RankingView(string Period, bool Final, DateTimeOffset GeneratedAt, string Version, RankingScopeView Scope,
    string PeerGroupScope, string TieBreak, IReadOnlyList<RankingItem> Items);
