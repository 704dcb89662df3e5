using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Functions.Identity;

/// <summary>The sign-in routes and <c>/v1/me</c>: each binds the request and calls its use case.</summary>
internal sealed class AuthFunctions(SignInWithWeChat weChat, SignInWithWeChatWeb web, DevSignIn dev, GetMe me, BurstLimits limits)
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

    [Function("AuthWeChatWeb"), Anonymous]
    public async Task<IActionResult> WeChatWebLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/wechat-web")] HttpRequest req)
    {
        web.EnsureConfigured();
        limits.SignInFrom(ClientAddress.Of(req));
        var body = await req.ReadJsonAsync<SignInWithWeChatWeb.Request>();
        return ApiResult.Ok(await web.HandleAsync(body, req.HttpContext.RequestAborted));
    }

    [Function("AuthWeChatWebConfig"), Anonymous]
    public IActionResult WeChatWebConfig(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/auth/wechat-web/config")] HttpRequest req) =>
        ApiResult.Ok(web.Config());

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
