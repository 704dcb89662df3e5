namespace RedYifang.Functions.Assessment;

/// <summary>Which ranking a response is: the district's peer groups, or one street's (ranked among its members only).</summary>
public sealed record RankingScopeView(string Kind, string OrgId, string DistrictId);
