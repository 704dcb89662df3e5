using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Identity;

namespace RedYifang.Rules.Tests.Identity;

public sealed class TokenServiceTests
{
    private static readonly string Key = new('k', 40);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

    private TokenService Service(string key = "", string issuer = "redyifang", string audience = "redyifang-api") =>
        new(Options.Create(new AuthOptions
        {
            SigningKey = key.Length > 0 ? key : Key,
            Issuer = issuer,
            Audience = audience,
            TokenLifetime = TimeSpan.FromHours(1),
        }), _clock);

    [Fact]
    public async Task A_token_names_its_user_until_it_expires()
    {
        var (token, expiresAt) = Service().Issue("usr_abc");
        Assert.Equal(_clock.GetUtcNow().AddHours(1), expiresAt);
        Assert.Equal("usr_abc", await Service().ValidateAsync(token));

        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(await Service().ValidateAsync(token));
    }

    [Fact]
    public async Task Another_key_issuer_or_audience_is_refused()
    {
        var (token, _) = Service().Issue("usr_abc");
        Assert.Null(await Service(key: new string('z', 40)).ValidateAsync(token));
        Assert.Null(await Service(issuer: "someone-else").ValidateAsync(token));
        Assert.Null(await Service(audience: "another-api").ValidateAsync(token));
        Assert.Null(await Service().ValidateAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        Assert.Null(await Service().ValidateAsync("not-a-token"));
    }

    /// <summary>A token signed with the right key but shaped by someone else: not yet valid, or valid for too long.</summary>
    private static string Forge(DateTimeOffset notBefore, DateTimeOffset expires, DateTimeOffset? issuedAt = null) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
            .CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
                {
                    Issuer = "redyifang", Audience = "redyifang-api",
                    Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "usr_abc")]),
                    IssuedAt = (issuedAt ?? notBefore).UtcDateTime, NotBefore = notBefore.UtcDateTime, Expires = expires.UtcDateTime,
                    SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                        new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(Key)),
                        Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
                });

    [Fact]
    public async Task A_token_not_yet_valid_is_refused_until_its_nbf_within_the_skew()
    {
        var now = _clock.GetUtcNow();
        var token = Forge(now.AddMinutes(10), now.AddMinutes(50));

        Assert.Null(await Service().ValidateAsync(token));
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(29));
        Assert.Null(await Service().ValidateAsync(token));
        _clock.Advance(TimeSpan.FromSeconds(2));                          // 29 s before nbf: inside the 30 s skew
        Assert.Equal("usr_abc", await Service().ValidateAsync(token));
    }

    [Fact]
    public async Task A_token_living_longer_than_tokens_are_issued_for_is_refused()
    {
        var now = _clock.GetUtcNow();

        Assert.Equal("usr_abc", await Service().ValidateAsync(Forge(now, now.AddHours(1))));               // exactly the lifetime
        Assert.Null(await Service().ValidateAsync(Forge(now, now.AddHours(1).AddSeconds(1))));
        Assert.Null(await Service().ValidateAsync(Forge(now, now.AddYears(10))));
    }
}
