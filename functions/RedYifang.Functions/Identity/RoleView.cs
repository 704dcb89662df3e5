using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

public sealed record RoleView(Role Role, string? OrgId);
