using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.LocalHost;

/// <summary>
/// Serves <c>httpTrigger</c> functions on Kestrel at <c>/{routePrefix}/{route}</c> with their methods and route
/// templates, binding <see cref="HttpRequest"/>, route values and the cancellation token, and executing the
/// returned <see cref="IActionResult"/> as the ASP.NET Core integration does.
/// </summary>
public static class HttpTriggers
{
    public delegate Task HttpMiddleware(HttpContext context, MethodInfo function, Func<Task> next);

    public static void Map(WebApplication app, FunctionDescriptor function, string routePrefix, HttpMiddleware? middleware)
    {
        var trigger = function.Trigger;
        var route = "/" + string.Join('/', new[] { routePrefix, trigger.Route ?? function.Name }.Where(s => !string.IsNullOrEmpty(s)));
        var methods = (trigger.Methods is { Count: > 0 } m ? m : ["get", "post", "put", "delete", "patch", "head", "options"])
            .Select(x => x.ToUpperInvariant()).ToArray();

        app.MapMethods(route, methods, async context =>
        {
            var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
            Task Invoke() => InvokeAsync(invoker, function, context);
            if (middleware is null) await Invoke();
            else await middleware(context, function.Method, Invoke);
        }).WithName(function.Name);
    }

    private static async Task InvokeAsync(FunctionInvoker invoker, FunctionDescriptor function, HttpContext context)
    {
        var result = await invoker.InvokeAsync(
            function,
            context.RequestServices,
            "This function was programmatically called via the host APIs.",
            parameter => Bind(parameter, context));
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                break;
        }
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest)) return context.Request;
        if (type == typeof(HttpContext)) return context;
        if (type == typeof(CancellationToken)) return context.RequestAborted;
        if (parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var value))
        {
            return FunctionInvoker.Convert(value?.ToString(), type);
        }
        return FunctionInvoker.Unbound;
    }
}
