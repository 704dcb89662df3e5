namespace RedYifang.Functions.Identity;

public sealed record UserProfile(string Id, string? Nickname, DateTimeOffset CreatedAt);
