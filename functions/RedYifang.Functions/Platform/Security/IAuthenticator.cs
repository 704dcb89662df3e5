using Microsoft.AspNetCore.Http;

namespace RedYifang.Functions.Platform.Security;

/// <summary>Who sends a request: implemented by Identity (tokens and stored roles), used by the HTTP pipeline.</summary>
public interface IAuthenticator
{
    /// <summary>The caller with the roles they hold now; throws <c>UnauthenticatedException</c> without a valid token.</summary>
    Task<Caller> AuthenticateAsync(HttpRequest request);
}
