using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Identity.WeChat;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

internal sealed class AuthFunctions(SignIn signIn, WeChatClient weChat, IOptions<AuthOptions> options)
{
    public sealed record WeChatLoginRequest(string? Code);

    public sealed record DevLoginRequest(string? OpenId, string? Nickname);

    [Function("AuthWeChat"), Anonymous]
    public async Task<IActionResult> WeChatLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/auth/wechat")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<WeChatLoginRequest>();
        var validator = new Validator();
        var code = validator.Text("code", body.Code, 128);
        validator.ThrowIfInvalid();
        var session = await weChat.Code2SessionAsync(code!, req.HttpContext.RequestAborted);
        return ApiResult.Ok(await signIn.AsOpenIdAsync(session.OpenId, null, req.HttpContext.RequestAborted));
    }

    [Function("AuthDev"), Anonymous]
    public async Task<IActionResult> DevLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/auth/dev")] HttpRequest req)
    {
        if (!options.Value.DevLogin) throw Problems.NotFound("route");
        var body = await req.ReadJsonAsync<DevLoginRequest>();
        var validator = new Validator();
        var openId = validator.Text("openId", body.OpenId, 64);
        var nickname = validator.Text("nickname", body.Nickname, 32, required: false);
        validator.ThrowIfInvalid();
        return ApiResult.Ok(await signIn.AsOpenIdAsync(openId!, nickname, req.HttpContext.RequestAborted));
    }

    [Function("Me")]
    public async Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/me")] HttpRequest req) =>
        ApiResult.Ok(await signIn.MeAsync(req.Caller(), req.HttpContext.RequestAborted));
}
