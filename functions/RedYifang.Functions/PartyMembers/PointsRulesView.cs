namespace RedYifang.Functions.PartyMembers;

/// <summary>A district's points rules for a year as the API shows them; the ETag header carries <see cref="PointsRules.ETag"/>.</summary>
public sealed record PointsRulesView(
    string DistrictId,
    int Year,
    int Version,
    RuleSet Sources,
    string SetBy,
    DateTimeOffset SetAt)
{
    public static PointsRulesView From(PointsRules r) => new(r.DistrictId, r.Year, r.Version, r.Sources, r.SetBy, r.SetAt);
}
