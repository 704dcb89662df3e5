using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// Authorization headers the app must answer 401 on every operation that needs a caller: none of them names a caller it may
/// trust. Near misses are signed with the app's own key (expired, not yet valid, living longer than tokens are issued for,
/// another issuer or audience, another algorithm) for a user that exists; the rest are forged, unsigned or not bearer tokens.
/// </summary>
public static class BadBearers
{
    /// <param name="signingKey">The app's HMAC key.</param>
    /// <param name="userId">A user that exists (so only the token's own fault can refuse it).</param>
    public static IReadOnlyList<Credentials.Header> For(string signingKey, string userId)
    {
        var now = DateTime.UtcNow;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
        var forged = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 48)));
        string Token(
            DateTime notBefore,
            DateTime expires,
            SecurityKey? signWith = null,
            string issuer = "redyifang",
            string audience = "redyifang-api",
            string algorithm = SecurityAlgorithms.HmacSha256) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId)]),
                IssuedAt = notBefore,
                NotBefore = notBefore,
                Expires = expires,
                SigningCredentials = new SigningCredentials(signWith ?? key, algorithm),
            });
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
            + Base64Url($"{{\"sub\":\"{userId}\",\"iss\":\"redyifang\",\"aud\":\"redyifang-api\","
                + $"\"nbf\":{Unix(now)},\"exp\":{Unix(now.AddHours(1))}}}")
            + ".";
        var valid = Token(now.AddMinutes(-1), now.AddHours(1));
        return
        [
            new("expired an hour ago", "Bearer " + Token(now.AddHours(-3), now.AddHours(-1))),
            new("not valid for another hour (nbf)", "Bearer " + Token(now.AddHours(1), now.AddHours(2))),
            new("a lifetime of 30 days, above the maximum", "Bearer " + Token(now.AddMinutes(-1), now.AddDays(30))),
            new("signed with another key", "Bearer " + Token(now.AddMinutes(-1), now.AddHours(1), forged)),
            new("another issuer", "Bearer " + Token(now.AddMinutes(-1), now.AddHours(1), issuer: "someone-else")),
            new("another audience", "Bearer " + Token(now.AddMinutes(-1), now.AddHours(1), audience: "another-api")),
            new("HS512 with the app's key",
                "Bearer " + Token(now.AddMinutes(-1), now.AddHours(1), algorithm: SecurityAlgorithms.HmacSha512)),
            new("alg none, unsigned", "Bearer " + unsigned),
            new("a valid token with its signature cut off", "Bearer " + valid[..valid.LastIndexOf('.')] + "."),
            new("a valid token with one payload character changed", "Bearer " + Flip(valid)),
            new("garbage", "Bearer abc.def.ghi"),
            new("an empty bearer", "Bearer "),
            new("a very long bearer", "Bearer " + new string('A', 6000)),
            new("another scheme", "Basic ZGV2LWFkbWluOg=="),
            new("the token without a scheme", valid),
        ];
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);

    private static long Unix(DateTime t) => new DateTimeOffset(t).ToUnixTimeSeconds();

    private static string Flip(string token)
    {
        var at = token.IndexOf('.') + 5;
        var flipped = token[at] == 'A' ? 'B' : 'A';
        return token[..at] + flipped + token[(at + 1)..];
    }
}
