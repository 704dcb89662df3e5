using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// Every request no other function takes: 404 <c>not_found</c> for a path the app does not serve, 405
/// <c>method_not_allowed</c> (with <c>Allow</c>) for a served path asked with another method — as problem+json, like
/// every other answer, where the hosts would send an empty 404.
/// </summary>
internal sealed class UnmatchedRouteFunction
{
    /// <summary>
    /// The Functions host tries routes in the order of their functions' names, not by how specific they are
    /// (README.md, "The two hosts"): this catch-all's name sorts after every other function's so that it is tried last.
    /// </summary>
    public const string Name = "zzUnmatchedRoute";

    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, string[] Methods)>> Routes = new(ReadRoutes);

    [Function(Name), Anonymous]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")]
        HttpRequest req,
        string? path)
    {
        var requested = "/" + (path ?? "");
        var allowed = Routes.Value
            .Where(r => r.Matcher.TryMatch(requested, []))
            .SelectMany(r => r.Methods)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        throw allowed.Count == 0 ? Problems.Problems.NotFound("route") : Problems.Problems.MethodNotAllowed(allowed);
    }

    /// <summary>The app's own routes and methods, read from the trigger attributes the build turns into functions.metadata.</summary>
    private static IReadOnlyList<(TemplateMatcher, string[])> ReadRoutes() =>
    [
        .. from type in typeof(UnmatchedRouteFunction).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           where method.GetCustomAttribute<FunctionAttribute>()?.Name is { } name && name != Name
           from parameter in method.GetParameters()
           let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
           where trigger?.Route is not null
           select (new TemplateMatcher(TemplateParser.Parse(trigger.Route!), new RouteValueDictionary()),
               trigger.Methods!.Select(m => m.ToUpperInvariant()).ToArray()),
    ];
}
