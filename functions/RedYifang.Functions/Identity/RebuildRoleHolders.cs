using Microsoft.Extensions.Logging;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

/// <summary>
/// <c>POST /v1/admin/role-holders/rebuild</c>: puts into <c>RoleHolders</c> the grants made before the index existed, so that
/// their holders are found (Notifications tells a unit's liaisons and a community's admins through it). For a district admin
/// the grants at their district and below it; for a bootstrap admin (over every organisation) every grant. One page of the
/// grants a call (about a thousand, fewer when most are another district's), with a continuation token for the next; run
/// it until the token is null. Idempotent and resumable: a call adds only what is missing, so it may be cut off, repeated or
/// run twice, and a second run adds nothing. A grant revoked meanwhile is never left indexed (UserStore.IndexHoldersAsync).
/// </summary>
public sealed partial class RebuildRoleHolders(UserStore users, ILogger<RebuildRoleHolders> logger)
{
    /// <param name="Grants">The grants of the caller's scope in this page.</param>
    /// <param name="Added">Index rows added for them.</param>
    /// <param name="Present">Already indexed (by the grant itself, or an earlier run).</param>
    /// <param name="Revoked">Revoked while this call ran: the row it added was taken out again.</param>
    /// <param name="ContinuationToken">Send back for the next page; null when every grant has been seen.</param>
    public sealed record Result(int Grants, int Added, int Present, int Revoked, string? ContinuationToken);

    public async Task<Result> HandleAsync(Caller caller, Paging paging, CancellationToken ct)
    {
        // District admins only (a bootstrap admin is one over every organisation): the index serves the whole district.
        var districts = caller.Roles.Where(r => r.Role == Role.DistrictAdmin).Select(r => r.OrgId).ToList();
        if (districts.Count == 0) throw Problems.Forbidden();
        var everywhere = districts.Contains(null);
        var (page, next) = await users.GrantPageAsync(paging.StorageToken, ct);
        var mine = page.Where(g => g.Grant.OrgId is { } orgId
            && (everywhere || districts.Contains(orgId) || g.Grant.OrgPath?.Any(districts.Contains) == true)).ToList();
        var indexed = await users.IndexHoldersAsync(mine, ct);
        LogRebuilt(mine.Count, indexed.Added, indexed.Present, indexed.Revoked, next is null);
        return new Result(mine.Count, indexed.Added, indexed.Present, indexed.Revoked, Paging.Encode(next));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "RoleHolders back-fill: {Grants} grant(s) in scope, {Added} added, {Present} present, {Revoked} revoked meanwhile; "
            + "last page {Last}")]
    private partial void LogRebuilt(int grants, int added, int present, int revoked, bool last);
}
