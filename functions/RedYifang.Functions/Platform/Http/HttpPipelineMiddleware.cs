using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Platform.Http;

/// <summary>Runs <see cref="HttpPipeline"/> around HTTP functions under the Azure Functions host.</summary>
internal sealed class HttpPipelineMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, MethodInfo> Methods = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        TraceIds.Use(http, context.TraceContext?.TraceParent);
        var pipeline = context.InstanceServices.GetRequiredService<HttpPipeline>();
        var method = Methods.GetOrAdd(context.FunctionDefinition.EntryPoint, ResolveEntryPoint);
        await pipeline.InvokeAsync(http, method, () => next(context));
    }

    private static MethodInfo ResolveEntryPoint(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(HttpPipelineMiddleware).Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new InvalidOperationException($"No method for entry point {entryPoint}.");
    }
}
