using Microsoft.Extensions.Options;
using RedYifang.Functions.Identity.WeChat;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Quotas;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

/// <summary>
/// Website QR login (网站应用微信登录) for the console: WeChat redirects the browser back with a code, which the open
/// platform turns into the web app's open id and, where the apps share an open platform account, the union id. The user is
/// the mini-program's user of that union id, else the one of the web open id; only staff (a role beyond resident) get in.
/// </summary>
public sealed class SignInWithWeChatWeb(
    WeChatClient weChat, UserStore users, CallerAuthenticator authenticator, OpenIdSignIn signIn, BurstLimits limits,
    IOptions<WeChatWebOptions> options)
{
    public sealed record Request(string? Code, string? State);

    /// <summary>Where QR sign-in is not configured, its routes do not exist.</summary>
    public void EnsureConfigured()
    {
        if (!options.Value.IsConfigured) throw Problems.NotFound("route");
    }

    public async Task<SignInView> HandleAsync(Request request, CancellationToken ct)
    {
        EnsureConfigured();
        var validator = new Validator();
        var code = validator.Text("code", request.Code, 128);
        var state = validator.Text("state", request.State, QrLoginState.MaxLength);
        if (state is not null && !QrLoginState.IsWellFormed(state)) validator.Add("state", QrLoginState.Malformed);
        validator.ThrowIfInvalid();

        var session = await weChat.WebAccessTokenAsync(code!, ct);
        limits.SignInOf(session.OpenId);
        var userId = (session.UnionId is { } unionId ? await users.FindByUnionIdAsync(unionId, ct) : null)
            ?? UserIds.FromWebOpenId(session.OpenId);
        var roles = await authenticator.RolesOfAsync(userId, ct);
        if (roles.All(r => r.Role == Role.Resident)) throw WeChatProblems.NotStaff(userId);
        var profile = await users.EnsureAsync(userId, null, ct);
        return await signIn.IssueAsync(profile, ct);
    }

    /// <summary>What the console needs to build the QR URL; the secret stays here.</summary>
    public ConfigView Config()
    {
        EnsureConfigured();
        return new ConfigView(options.Value.AppId, options.Value.RedirectUri!.ToString());
    }

    public sealed record ConfigView(string AppId, string RedirectUri);
}
