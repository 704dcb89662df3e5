using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Resources;

/// <summary>
/// Whoever may change a unit's resources edits one (issue 17; <c>PATCH</c>: the fields given replace the resource's — description,
/// monthly capacity, availability, service areas, tags; the rest never change here). The request names the version it read in
/// <c>If-Match</c> (required), as Sites/EditSite.cs does: an edit over another version is 412 <c>precondition_failed</c> and changes
/// nothing, also when another change commits between this one's read and write. The orders the resource can serve are ranked
/// again (its event tells Matching, with the areas an edit took away). A lower capacity holds no match already made: it applies to
/// the next reservation (Resources/CapacityLedger.cs).
/// </summary>
public sealed class EditResource(ResourceStore resources, OrgStore orgs, TimeProvider clock)
{
    /// <summary>The body of <c>PATCH /v1/resources/{id}</c>: the fields to change.</summary>
    public sealed record Request
    {
        public string? UnitId { get; init; }
        public string? Title { get; init; }
        public string? Category { get; init; }
        public string? Kind { get; init; }
        public string? Description { get; init; }
        public int? MonthlyCapacity { get; init; }
        public List<CreateResource.Window>? Availability { get; init; }
        public List<string>? AreaIds { get; init; }
        public List<string>? Tags { get; init; }
    }

    public async Task<Resource> HandleAsync(Caller caller, string id, string? ifMatch, Request request, CancellationToken ct)
    {
        var edit = Validate(request, ifMatch);
        var stored = await resources.FindAsync(id, ct) ?? throw Problems.NotFound("resource");
        if (!ResourcePolicy.MayChange(caller, stored.Resource.UnitPath)) throw Problems.Forbidden();
        if (!Matches(ifMatch!, stored.Resource)) throw Problems.PreconditionFailed();
        if (edit.AreaIds is { } areas) await CreateResource.CheckAreasAsync(orgs, stored.Resource.UnitPath, areas, ct);
        var change = stored.Resource.Edit(edit, clock.GetUtcNow());
        // Index rows for added areas go first (readers check the resource itself); removed areas' rows stay and stop fitting.
        if (edit.AreaIds is not null) await resources.IndexAsync(change.Resource, ct);
        try
        {
            await resources.UpdateAsync(stored, change, ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            throw Problems.PreconditionFailed();
        }
        return change.Resource;
    }

    /// <summary><c>*</c> matches any current version; otherwise one of the listed ETags must be the current one's.</summary>
    public static bool Matches(string ifMatch, Resource current) =>
        ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current.ETag);

    public static ResourceEdit Validate(Request request, string? ifMatch)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(ifMatch)) v.Add("If-Match", new("必填：读取时的 ETag", "is required: the ETag read"));
        LocalizedText fixedField = new("不可修改", "cannot be changed");
        if (request.UnitId is not null) v.Add("unitId", fixedField);
        if (request.Title is not null) v.Add("title", fixedField);
        if (request.Category is not null) v.Add("category", fixedField);
        if (request.Kind is not null) v.Add("kind", fixedField);
        var edit = new ResourceEdit
        {
            Description = v.Text("description", request.Description, 2000, required: request.Description is not null),
            MonthlyCapacity = v.Range("monthlyCapacity", request.MonthlyCapacity, 1, 10_000, required: false),
            Availability = request.Availability is null ? null : CreateResource.Availability(v, request.Availability),
            AreaIds = request.AreaIds is null ? null : CreateResource.AreaIds(v, request.AreaIds),
            Tags = request.Tags is null ? null : CreateResource.Tags(v, request.Tags),
        };
        if (v.IsValid && edit == new ResourceEdit()) v.Add("body", new("至少修改一项", "change at least one field"));
        v.ThrowIfInvalid();
        return edit;
    }
}
