using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

public sealed record RoleGrantView(string UserId, string OrgId, Role Role);
