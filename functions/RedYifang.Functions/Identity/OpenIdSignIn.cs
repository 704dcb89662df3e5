using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

public sealed record RoleView(Role Role, string? OrgId);

public sealed record MeView(string Id, string? Nickname, IReadOnlyList<RoleView> Roles);

public sealed record SignInView(string AccessToken, DateTimeOffset ExpiresAt, MeView User);

/// <summary>Signs a user in by the open id WeChat (or dev login) vouches for; the first sign-in creates the user.</summary>
public sealed class SignIn(UserStore users, TokenService tokens, CallerAuthenticator authenticator)
{
    public async Task<SignInView> AsOpenIdAsync(string openId, string? nickname, CancellationToken ct)
    {
        var userId = UserIds.FromOpenId(openId);
        var profile = await users.EnsureAsync(userId, nickname, ct);
        var (token, expiresAt) = tokens.Issue(userId);
        return new SignInView(token, expiresAt, await DescribeAsync(profile, ct));
    }

    public async Task<MeView> MeAsync(Caller caller, CancellationToken ct)
    {
        var profile = await users.FindAsync(caller.UserId, ct) ?? throw Problems.Unauthenticated();
        return new MeView(profile.Id, profile.Nickname, caller.Roles.Select(r => new RoleView(r.Role, r.OrgId)).ToList());
    }

    private async Task<MeView> DescribeAsync(UserProfile profile, CancellationToken ct)
    {
        var roles = await authenticator.RolesOfAsync(profile.Id, ct);
        return new MeView(profile.Id, profile.Nickname, roles.Select(r => new RoleView(r.Role, r.OrgId)).ToList());
    }
}
