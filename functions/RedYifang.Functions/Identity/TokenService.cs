using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RedYifang.Functions.Identity;

/// <summary>
/// Issues and checks signed access tokens (JWT, HMAC-SHA256): issuer, audience, not-before and expiry are checked, and
/// a token whose lifetime (nbf or iat to exp) exceeds <see cref="AuthOptions.TokenLifetime"/> is refused, whoever signed it.
/// </summary>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(options.Value.SigningKey));

    public (string Token, DateTimeOffset ExpiresAt) Issue(string userId)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The user id the token was issued to, or null when it is invalid or expired.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = options.Value.Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
        });
        return result.IsValid && result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) ? sub as string : null;
    }

    /// <summary>Started (nbf, 30 s of skew), not expired (exp, 30 s of skew), and no longer-lived than tokens are issued for.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        if (notBefore is null || expires is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var skew = TimeSpan.FromSeconds(30);
        return now >= notBefore.Value - skew
            && now < expires.Value + skew
            && expires.Value - notBefore.Value <= options.Value.TokenLifetime;
    }
}
