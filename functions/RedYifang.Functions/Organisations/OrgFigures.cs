namespace RedYifang.Functions.Organisations;

/// <summary>The figures of an organisation an edit may change (<c>PATCH /v1/orgs/{id}</c>), as one version has them.</summary>
public sealed record OrgFigures(string Name, string? Address, int? PartyBranches, int? PartyMembers, int? Households)
{
    public static OrgFigures Of(Org org) => new(org.Name, org.Address, org.PartyBranches, org.PartyMembers, org.Households);

    /// <summary>The fields whose values differ from <paramref name="other"/>'s, in the order of the contract.</summary>
    public IReadOnlyList<string> Differences(OrgFigures other) =>
    [
        .. Name != other.Name ? ["name"] : Array.Empty<string>(),
        .. Address != other.Address ? ["address"] : Array.Empty<string>(),
        .. PartyBranches != other.PartyBranches ? ["partyBranches"] : Array.Empty<string>(),
        .. PartyMembers != other.PartyMembers ? ["partyMembers"] : Array.Empty<string>(),
        .. Households != other.Households ? ["households"] : Array.Empty<string>(),
    ];
}
