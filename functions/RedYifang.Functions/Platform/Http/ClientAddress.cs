using Microsoft.AspNetCore.Http;

namespace RedYifang.Functions.Platform.Http;

/// <summary>The address a request came from, as far as this app can trust it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address. Under the Functions host the worker's ASP.NET Core integration sets it from the last
    /// <c>X-Forwarded-For</c> hop, the one Azure's front end added, so a client cannot choose it by sending the header;
    /// under the local host it is the socket's peer.
    /// </summary>
    public static string Of(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
