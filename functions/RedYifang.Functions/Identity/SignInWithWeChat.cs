using RedYifang.Functions.Identity.WeChat;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Identity;

/// <summary>A mini-program user signs in with the code of <c>wx.login()</c>, which WeChat turns into their open id.</summary>
public sealed class SignInWithWeChat(WeChatClient weChat, OpenIdSignIn signIn)
{
    public sealed record Request(string? Code);

    public async Task<SignInView> HandleAsync(Request request, CancellationToken ct)
    {
        var validator = new Validator();
        var code = validator.Text("code", request.Code, 128);
        validator.ThrowIfInvalid();
        var session = await weChat.Code2SessionAsync(code!, ct);
        return await signIn.SignInAsync(session.OpenId, null, ct, session.UnionId);
    }
}
