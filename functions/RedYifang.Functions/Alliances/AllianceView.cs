namespace RedYifang.Functions.Alliances;

/// <summary>An alliance as the API shows it, with the chair term that covers today (null between terms).</summary>
public sealed record AllianceView(string Id, string DistrictId, string StreetId, string Name, ChairTermView? CurrentChair, string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public static AllianceView From(Alliance a, ChairTerm? current) =>
        new(a.Id, a.DistrictId, a.StreetId, a.Name, current is null ? null : ChairTermView.Of(current, true), a.CreatedBy, a.CreatedAt);
}
