using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Identity;

/// <summary>Signs in by open id without WeChat, where dev sign-in is enabled (Auth:DevLogin; never in Azure).</summary>
public sealed class DevSignIn(OpenIdSignIn signIn, IOptions<AuthOptions> options)
{
    public sealed record Request(string? OpenId, string? Nickname);

    /// <summary>Where dev sign-in is off, its route does not exist: checked before the body is read.</summary>
    public void EnsureEnabled()
    {
        if (!options.Value.DevLogin) throw Problems.NotFound("route");
    }

    public async Task<SignInView> HandleAsync(Request request, CancellationToken ct)
    {
        EnsureEnabled();
        var validator = new Validator();
        var openId = validator.Text("openId", request.OpenId, 64);
        var nickname = validator.Text("nickname", request.Nickname, 32, required: false);
        validator.ThrowIfInvalid();
        return await signIn.SignInAsync(openId!, nickname, ct);
    }
}
