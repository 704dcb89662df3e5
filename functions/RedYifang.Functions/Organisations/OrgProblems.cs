using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Organisations;

public static class OrgProblems
{
    public static RuleViolationException ParentNotFound() =>
        new( "parent_not_found",
            new("上级组织不存在", "The parent organisation does not exist"),
            errors: new Dictionary<string, IReadOnlyList<LocalizedText>> { ["parentId"] = [new("上级组织不存在", "does not exist")] });

    public static RuleViolationException InvalidParent(OrgKind kind, IReadOnlyList<OrgKind> allowed) =>
        new( "invalid_parent",
            new("上级组织类型不符合组织体系", "The parent's kind does not fit the hierarchy"),
            allowed.Count == 0
                ? new LocalizedText("{0} 为最高层级，不能有上级组织。", "A {0} is the top level and has no parent.").Format(EnumText.ToText(kind))
                : new LocalizedText("{0} 的上级只能是：{1}。", "A {0} may only hang under: {1}.")
                    .Format(EnumText.ToText(kind), string.Join(", ", allowed.Select(EnumText.ToText))),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["parentId"] = [new("上级组织类型不符", "has the wrong kind")] });

    public static ConflictException NameTaken() =>
        new( "org_name_taken",
            new("同一上级下已有同名组织", "An organisation of that name already exists under this parent"),
            errors: new Dictionary<string, IReadOnlyList<LocalizedText>> { ["name"] = [new("名称已被使用", "is already used")] });

    public static RuleViolationException RoleNotAllowed(Role role, OrgKind kind) =>
        new( "role_not_allowed",
            new("该组织不能授予此角色", "This role cannot be held at this organisation"),
            new LocalizedText("角色 {0} 不能授予在 {1} 类组织上。", "The role {0} cannot be held at a {1}.")
                .Format(EnumText.ToText(role), EnumText.ToText(kind)));

    public static RuleViolationException UserNotFound() =>
        new( "user_not_found",
            new("用户不存在", "The user does not exist"),
            new("该用户尚未登录过本系统。", "The user has never signed in."));
}
