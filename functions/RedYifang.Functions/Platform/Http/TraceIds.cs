using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// The W3C trace id of a request, the one Application Insights correlates on. Under the Functions host the
/// worker middleware hands over the invocation's traceparent (the worker's own ASP.NET Core request has no
/// activity of its own there); otherwise it is the current activity's, the caller's traceparent header's, or a
/// new one — fixed once per request so that the log line and the problem body name the same id.
/// </summary>
public static class TraceIds
{
    private const string ItemKey = "RedYifang.TraceId";

    public static string Of(HttpContext http)
    {
        if (http.Items[ItemKey] is string known) return known;
        var id = Activity.Current is { TraceId: var current } && current != default
            ? current.ToHexString()
            : FromTraceParent(http.Request.Headers.TraceParent.ToString()) ?? ActivityTraceId.CreateRandom().ToHexString();
        http.Items[ItemKey] = id;
        return id;
    }

    /// <summary>Uses the trace id of <paramref name="traceParent"/> for this request, when it is a valid traceparent.</summary>
    public static void Use(HttpContext http, string? traceParent)
    {
        if (FromTraceParent(traceParent) is { } id) http.Items[ItemKey] = id;
    }

    /// <summary>The trace id of a W3C traceparent ("00-{32 hex}-{16 hex}-{2 hex}"), or null if it is not one.</summary>
    public static string? FromTraceParent(string? traceParent)
    {
        if (string.IsNullOrEmpty(traceParent) || !ActivityContext.TryParse(traceParent, null, out var context)) return null;
        return context.TraceId.ToHexString();
    }
}
