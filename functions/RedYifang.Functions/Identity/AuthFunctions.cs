using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Functions.Identity;

/// <summary>The sign-in routes and <c>/v1/me</c>: each binds the request and calls its use case.</summary>
internal sealed class AuthFunctions(SignInWithWeChat weChat, DevSignIn dev, GetMe me, BurstLimits limits)
{
    [Function("AuthWeChat"), Anonymous]
    public async Task<IActionResult> WeChatLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/wechat")] HttpRequest req)
    {
        // Before the code goes to WeChat: a flood costs neither WeChat's quota nor storage.
        limits.SignInFrom(ClientAddress.Of(req));
        var body = await req.ReadJsonAsync<SignInWithWeChat.Request>();
        return ApiResult.Ok(await weChat.HandleAsync(body, req.HttpContext.RequestAborted));
    }

    [Function("AuthDev"), Anonymous]
    public async Task<IActionResult> DevLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/dev")] HttpRequest req)
    {
        dev.EnsureEnabled();
        limits.SignInFrom(ClientAddress.Of(req));
        var body = await req.ReadJsonAsync<DevSignIn.Request>();
        return ApiResult.Ok(await dev.HandleAsync(body, req.HttpContext.RequestAborted));
    }

    [Function("Me")]
    public async Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/me")] HttpRequest req) =>
        ApiResult.Ok(await me.HandleAsync(req.Caller(), req.HttpContext.RequestAborted));
}
