
namespace RedYifang.Functions.Platform.Security;

/// <summary>The signed-in user of this request and the roles they hold.</summary>
public sealed record Caller(string UserId, IReadOnlyList<RoleGrant> Roles)
{
    /// <summary>
    /// True when one of the caller's admin roles is scoped to an organisation on <paramref name="orgPath"/>
    /// (the target's ancestors and itself, from the top) or to every organisation.
    /// </summary>
    public bool IsAdminOf(IReadOnlyList<string> orgPath) =>
        Roles.Any(r => r.Role.IsAdmin() && (r.OrgId is null || orgPath.Contains(r.OrgId)));

    public bool Holds(Role role, IReadOnlyList<string> orgPath) =>
        Roles.Any(r => r.Role == role && (r.OrgId is null || orgPath.Contains(r.OrgId)));

    /// <summary>The caller is the liaison (联络员) of this unit or volunteer team.</summary>
    public bool IsLiaisonOf(string? orgId) => orgId is not null && Roles.Any(r => r.Role == Role.Liaison && r.OrgId == orgId);

    /// <summary>The caller acts for the organisation at the end of <paramref name="orgPath"/>: an admin over it, or its liaison.</summary>
    public bool ActsFor(IReadOnlyList<string> orgPath) => IsAdminOf(orgPath) || IsLiaisonOf(orgPath[^1]);

    /// <summary>The streets of the units the caller is a liaison of.</summary>
    public IReadOnlySet<string> LiaisonStreets =>
        Roles.Where(r => r.Role == Role.Liaison && r.OrgPath is { Count: > 1 }).Select(r => r.OrgPath![1]).ToHashSet();

    /// <summary>An admin over every organisation (a bootstrap district admin).</summary>
    public bool IsGlobalAdmin => Roles.Any(r => r.Role.IsAdmin() && r.OrgId is null);
}
