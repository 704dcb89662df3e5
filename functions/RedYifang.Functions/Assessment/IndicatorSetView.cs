namespace RedYifang.Functions.Assessment;

public sealed record IndicatorSetView(string DistrictId, string Period, bool IsDefault, bool Final,
    IReadOnlyDictionary<PeerGroup, IReadOnlyList<IndicatorWeight>> PeerGroups);
