using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// The children of an organisation (the districts without <c>parentId</c>), optionally of one kind; the directory is
/// open to every signed-in caller (<see cref="OrgPolicy"/>).
/// </summary>
public sealed class ListOrganisations(OrgStore orgs)
{
    /// <summary>The query: <c>parentId</c> and <c>kind</c>, both optional.</summary>
    public sealed record Request(string? ParentId, string? Kind);

    public async Task<ListPage<Org>> HandleAsync(Caller caller, Request request, Paging paging, CancellationToken ct)
    {
        var (parentId, kind) = Validate(request);
        return await orgs.ListChildrenAsync(parentId, kind, paging, ct);
    }

    public static (string? ParentId, OrgKind? Kind) Validate(Request request)
    {
        var v = new Validator();
        var parentId = request.ParentId is { Length: > 0 } p ? p : null;
        if (parentId is not null && !Keys.IsWellFormedId(parentId)) v.Add("parentId", new("不是有效的组织标识", "is not a valid organisation id"));
        var kind = v.OneOf<OrgKind>("kind", request.Kind, required: false);
        v.ThrowIfInvalid();
        return (parentId, kind);
    }
}
