using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Functions.Identity;

/// <summary>
/// Signs a user in by the open id WeChat (or dev sign-in) vouches for, the step both sign-ins share: the first sign-in
/// creates the user; the answer carries an access token and the roles held now.
/// </summary>
public sealed class OpenIdSignIn(UserStore users, TokenService tokens, CallerAuthenticator authenticator, BurstLimits limits)
{
    public async Task<SignInView> SignInAsync(string openId, string? nickname, CancellationToken ct)
    {
        limits.SignInOf(openId);
        var userId = UserIds.FromOpenId(openId);
        var profile = await users.EnsureAsync(userId, nickname, ct);
        var (token, expiresAt) = tokens.Issue(userId);
        return new SignInView(token, expiresAt, MeView.Of(profile, await authenticator.RolesOfAsync(profile.Id, ct)));
    }
}
