namespace RedYifang.Functions.Platform.Security;

/// <summary>A role scoped to an organisation; it holds for everything below it. OrgId null: every organisation.</summary>
/// <remarks>OrgPath (the organisation's ancestors and itself) is kept with the grant so scope checks need no look-up.</remarks>
public sealed record RoleGrant(Role Role, string? OrgId, IReadOnlyList<string>? OrgPath = null);
