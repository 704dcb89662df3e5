namespace RedYifang.Functions.Identity;

public sealed record SignInView(string AccessToken, DateTimeOffset ExpiresAt, MeView User);
