namespace RedYifang.Functions.Assessment;

public sealed record RankingItem(int? Rank, string OrgId, string Name, PeerGroup PeerGroup, string? StreetId, double Score, bool Eligible);
