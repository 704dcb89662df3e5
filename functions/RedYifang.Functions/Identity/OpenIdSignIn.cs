using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Functions.Identity;

/// <summary>
/// Signs a user in by the open id WeChat (or dev sign-in) vouches for, the step both sign-ins share: the first sign-in
/// creates the user; the answer carries an access token and the roles held now.
/// </summary>
public sealed class OpenIdSignIn(UserStore users, TokenService tokens, CallerAuthenticator authenticator, BurstLimits limits)
{
    public async Task<SignInView> SignInAsync(string openId, string? nickname, CancellationToken ct, string? unionId = null)
    {
        limits.SignInOf(openId);
        var userId = UserIds.FromOpenId(openId);
        // Dev sign-in stands in for the mini-program's (local runs, tests): its open id is kept the same way.
        var profile = await users.EnsureAsync(userId, nickname, ct, unionId, openId);
        return await IssueAsync(profile, ct);
    }

    /// <summary>The answer for a user already found (website QR sign-in, which only lets existing staff in).</summary>
    public async Task<SignInView> IssueAsync(UserProfile profile, CancellationToken ct)
    {
        var (token, expiresAt) = tokens.Issue(profile.Id);
        return new SignInView(token, expiresAt, MeView.Of(profile, await authenticator.RolesOfAsync(profile.Id, ct)));
    }
}
