using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

/// <summary>
/// An admin at or above an organisation edits its registry figures (<c>PATCH /v1/orgs/{id}</c>: the fields given replace the
/// organisation's; kind, parent and unit kind never change). As with sites, the request names the version it read in
/// <c>If-Match</c> (required, 400 without): an edit over another version is 412 <c>precondition_failed</c> and changes
/// nothing — also when another edit commits between this one's read and write. Each edit writes its history entry in the
/// same transaction (<see cref="OrgStore.UpdateAsync"/>). A district keeps its name: its name row lies outside its tree's
/// partition, where no transaction could rename it atomically.
/// </summary>
public sealed class EditOrganisation(OrgStore orgs, TimeProvider clock)
{
    /// <summary>The body of <c>PATCH /v1/orgs/{id}</c>: the fields to change.</summary>
    public sealed record Request
    {
        public string? Kind { get; init; }
        public string? ParentId { get; init; }
        public string? UnitKind { get; init; }
        public string? Name { get; init; }
        public string? Address { get; init; }
        public int? PartyBranches { get; init; }
        public int? PartyMembers { get; init; }
        public int? Households { get; init; }
    }

    public async Task<StoredOrg> HandleAsync(Caller caller, string id, string? ifMatch, Request request, CancellationToken ct)
    {
        var stored = await orgs.FindStoredAsync(id, ct) ?? throw Problems.NotFound("organisation");
        var org = stored.Org;
        var figures = Validate(request, ifMatch, org.Kind, OrgFigures.Of(org));
        if (!OrgPolicy.MayEdit(caller, org)) throw Problems.Forbidden();
        if (!Matches(ifMatch!, stored)) throw Problems.PreconditionFailed();
        var before = OrgFigures.Of(org);
        if (before.Differences(figures).Count == 0) return stored;
        var after = org with
        {
            Name = figures.Name, Address = figures.Address, PartyBranches = figures.PartyBranches,
            PartyMembers = figures.PartyMembers, Households = figures.Households,
        };
        var entry = new OrgHistoryEntry(Keys.NewId("ohist", clock), org.Id, clock.GetUtcNow(), caller.UserId, before, figures);
        try
        {
            return await orgs.UpdateAsync(stored, after, entry, ct);
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            throw Problems.PreconditionFailed();
        }
    }

    /// <summary><c>*</c> matches any current version; otherwise one of the listed ETags must be the current one's.</summary>
    public static bool Matches(string ifMatch, StoredOrg current) =>
        ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == current.ETag.ToString());

    /// <summary>The figures after the edit; refused fields are 400 naming the field.</summary>
    public static OrgFigures Validate(Request request, string? ifMatch, OrgKind kind, OrgFigures current)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(ifMatch)) v.Add("If-Match", new("必填：读取时的 ETag", "is required: the ETag read"));
        LocalizedText fixedField = new("不可修改", "cannot be changed");
        if (request.Kind is not null) v.Add("kind", fixedField);
        if (request.ParentId is not null) v.Add("parentId", fixedField);
        if (request.UnitKind is not null) v.Add("unitKind", fixedField);
        if (request.Name is not null && kind == OrgKind.District) v.Add("name", new("区的名称不可修改", "a district keeps its name"));
        var name = v.Text("name", request.Name, 100, required: request.Name is not null);
        var address = v.Text("address", request.Address, 200, required: request.Address is not null);
        if (!OrgRules.HasPartyCounts(kind) && (request.PartyBranches is not null || request.PartyMembers is not null))
        {
            v.Add(request.PartyBranches is not null ? "partyBranches" : "partyMembers",
                new("仅社区、驻区单位和志愿服务队可填写", "applies only to communities, units and volunteer teams"));
        }
        if (!OrgRules.HasHouseholds(kind) && request.Households is not null)
        {
            v.Add("households", new("仅社区和网格可填写", "applies only to communities and grids"));
        }
        var branches = v.Range("partyBranches", request.PartyBranches, 0, 10_000, required: false);
        var members = v.Range("partyMembers", request.PartyMembers, 0, 1_000_000, required: false);
        var households = v.Range("households", request.Households, 0, OrgRules.MaxHouseholds, required: false);
        if (v.IsValid && request == new Request()) v.Add("body", new("至少修改一项", "change at least one field"));
        v.ThrowIfInvalid();
        return new OrgFigures(name ?? current.Name, address ?? current.Address, branches ?? current.PartyBranches,
            members ?? current.PartyMembers, households ?? current.Households);
    }
}
