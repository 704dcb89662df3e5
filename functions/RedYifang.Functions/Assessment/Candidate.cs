namespace RedYifang.Functions.Assessment;

public sealed record Candidate(string OrgId, string Name, PeerGroup PeerGroup, string? StreetId, Totals Totals);
