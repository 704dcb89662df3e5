using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

/// <summary>Turns a bearer token into a <see cref="Caller"/> with the roles held now (not when the token was issued).</summary>
public sealed class CallerAuthenticator(TokenService tokens, UserStore users, IOptions<AuthOptions> options) : IAuthenticator
{
    private readonly HashSet<string> _bootstrapAdmins =
        options.Value.BootstrapAdminOpenIds.Select(UserIds.FromOpenId).ToHashSet(StringComparer.Ordinal);

    public async Task<Caller> AuthenticateAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) throw Problems.Unauthenticated();
        var userId = await tokens.ValidateAsync(header[scheme.Length..].Trim());
        if (userId is null) throw Problems.Unauthenticated();
        return new Caller(userId, await RolesOfAsync(userId, request.HttpContext.RequestAborted));
    }

    public async Task<IReadOnlyList<RoleGrant>> RolesOfAsync(string userId, CancellationToken ct)
    {
        var roles = (await users.GetRolesAsync(userId, ct)).ToList();
        if (_bootstrapAdmins.Contains(userId)) roles.Add(new RoleGrant(Role.DistrictAdmin, null));
        // Everyone is a resident; a stored resident grant says which community they live in.
        if (!roles.Any(r => r.Role == Role.Resident)) roles.Insert(0, new RoleGrant(Role.Resident, null));
        return roles;
    }
}
