using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Whoever acts for the owner edits a site (<c>PATCH</c>: the fields given replace the site's; kind and owner never change). The
/// request names the version it read in <c>If-Match</c> (required): an edit over another version is 412
/// <c>precondition_failed</c> and changes nothing — also when another edit commits between this one's read and write, since its
/// If-Match is stale then too. Refused fields are 400 naming the field and change nothing.
/// </summary>
public sealed class EditSite(SiteChanges changes, SiteStore sites)
{
    /// <summary>The body of <c>PATCH /v1/sites/{id}</c>: the fields to change.</summary>
    public sealed record Request
    {
        public string? OwnerOrgId { get; init; }
        public string? Kind { get; init; }
        public string? Name { get; init; }
        public string? Address { get; init; }
        public decimal? FloorAreaM2 { get; init; }
        public int? Capacity { get; init; }
        public Dictionary<string, string?>? OpeningHours { get; init; }
        public bool? SharedUse { get; init; }
        public List<string?>? Facilities { get; init; }
    }

    public async Task<Site> HandleAsync(Caller caller, string id, string? ifMatch, Request request, CancellationToken ct)
    {
        var edit = Validate(request, ifMatch);
        var stored = await changes.ManageAsync(caller, id, ct);
        if (!Matches(ifMatch!, stored.Site)) throw Problems.PreconditionFailed();
        var change = stored.Site.Edit(edit, caller.UserId, changes.Now);
        try
        {
            await sites.UpdateAsync(stored, change, ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            throw Problems.PreconditionFailed();
        }
        return change.Site;
    }

    /// <summary><c>*</c> matches any current version; otherwise one of the listed ETags must be the current one's.</summary>
    public static bool Matches(string ifMatch, Site current) =>
        ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current.ETag);

    public static SiteEdit Validate(Request request, string? ifMatch)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(ifMatch)) v.Add("If-Match", new("必填：读取时的 ETag", "is required: the ETag read"));
        LocalizedText fixedField = new("不可修改", "cannot be changed");
        if (request.OwnerOrgId is not null) v.Add("ownerOrgId", fixedField);
        if (request.Kind is not null) v.Add("kind", fixedField);
        var edit = new SiteEdit
        {
            Name = v.Text("name", request.Name, SiteFields.MaxName, required: request.Name is not null),
            Address = v.Text("address", request.Address, SiteFields.MaxAddress, required: request.Address is not null),
            FloorAreaM2 = SiteFields.FloorArea(v, "floorAreaM2", request.FloorAreaM2, required: false),
            Capacity = v.Range("capacity", request.Capacity, 1, SiteFields.MaxCapacity, required: false),
            Hours = OpeningHours.Parse(v, "openingHours", request.OpeningHours, required: false),
            SharedUse = request.SharedUse,
            Facilities = SiteFields.Facilities(v, "facilities", request.Facilities, required: false),
        };
        if (v.IsValid && edit == new SiteEdit()) v.Add("body", new("至少修改一项", "change at least one field"));
        v.ThrowIfInvalid();
        return edit;
    }
}
