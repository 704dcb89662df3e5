namespace RedYifang.Functions.Assessment;

public sealed record Ranked(string OrgId, string Name, PeerGroup PeerGroup, string? StreetId, int? Rank, double Score, bool Eligible,
    IReadOnlyList<IndicatorScore> Indicators);
