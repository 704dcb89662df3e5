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
}
