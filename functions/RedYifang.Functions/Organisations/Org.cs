namespace RedYifang.Functions.Organisations;

/// <summary>
/// An organisation of the 组织体系. <see cref="Path"/> lists its ancestors from the district down, ending
/// with itself, so "is X within the scope of a role held at Y" is <c>X.Path.Contains(Y)</c>.
/// </summary>
public sealed record Org
{
    public required string Id { get; init; }
    public required OrgKind Kind { get; init; }
    public string? ParentId { get; init; }
    public required string Name { get; init; }
    public UnitKind? UnitKind { get; init; }
    public int? PartyBranches { get; init; }
    public int? PartyMembers { get; init; }
    public string? Address { get; init; }

    /// <summary>Households (户数) of a community or grid: a registry figure its admins keep, edited with history.</summary>
    public int? Households { get; init; }
    public required IReadOnlyList<string> Path { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
