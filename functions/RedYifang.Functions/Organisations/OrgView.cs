namespace RedYifang.Functions.Organisations;

public sealed record OrgView(
    string Id,
    OrgKind Kind,
    string? ParentId,
    string Name,
    UnitKind? UnitKind,
    int? PartyBranches,
    int? PartyMembers,
    string? Address,
    IReadOnlyList<string> Path,
    DateTimeOffset CreatedAt)
{
    public static OrgView From(Org org) => new(org.Id, org.Kind, org.ParentId, org.Name, org.UnitKind,
        org.PartyBranches, org.PartyMembers, org.Address, org.Path, org.CreatedAt);
}
