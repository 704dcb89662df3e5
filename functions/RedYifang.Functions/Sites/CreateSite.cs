using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Sites;

/// <summary>
/// Whoever acts for an organisation (admins over it, a unit's liaisons) registers a site it keeps: a street, a community, a
/// unit or a volunteer team — an organisation of a street, whose "activity circle" the site's area then counts for.
/// </summary>
public sealed class CreateSite(SiteStore sites, OrgStore orgs, TimeProvider clock)
{
    /// <summary>The body of <c>POST /v1/sites</c>; every member optional here, validated below.</summary>
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

    /// <summary>Whether the caller may (still) register sites for the owner the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var owner = Keys.IsWellFormedId(request.OwnerOrgId) ? await orgs.FindAsync(request.OwnerOrgId!, ct) : null;
        if (owner is null || !SitePolicy.MayManageFor(caller, owner.Path)) throw Problems.Forbidden();
    }

    public async Task<Site> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var draft = Validate(request);
        var owner = await orgs.FindAsync(draft.OwnerOrgId, ct);
        if (owner is null || owner.Kind is not (OrgKind.Street or OrgKind.Community or OrgKind.Unit or OrgKind.VolunteerTeam))
        {
            throw Problems.InvalidReference("ownerOrgId",
                new("须为已登记的街道、社区、驻区单位或志愿服务队", "must be a registered street, community, unit or volunteer team"));
        }
        if (!SitePolicy.MayManageFor(caller, owner.Path)) throw Problems.Forbidden();
        var change = Site.Register(draft, Keys.NewChildId("site", owner.Path[0], clock), owner.Path, caller.UserId, clock.GetUtcNow());
        var first = await CreateOnce.AddAsync(() => sites.AddAsync(change, ct),
            async () => (await sites.FindAsync(change.Site.Id, ct))?.Site);
        return first ?? change.Site;
    }

    public static NewSite Validate(Request request)
    {
        var v = new Validator();
        var ownerOrgId = v.Id("ownerOrgId", request.OwnerOrgId);
        var kind = v.OneOf<SiteKind>("kind", request.Kind);
        var name = v.Text("name", request.Name, SiteFields.MaxName);
        var address = v.Text("address", request.Address, SiteFields.MaxAddress);
        var area = SiteFields.FloorArea(v, "floorAreaM2", request.FloorAreaM2);
        var capacity = v.Range("capacity", request.Capacity, 1, SiteFields.MaxCapacity);
        var hours = OpeningHours.Parse(v, "openingHours", request.OpeningHours);
        var shared = v.RequiredValue("sharedUse", request.SharedUse);
        var facilities = SiteFields.Facilities(v, "facilities", request.Facilities, required: false) ?? [];
        v.ThrowIfInvalid();
        return new NewSite
        {
            OwnerOrgId = ownerOrgId!, Kind = kind!.Value, Name = name!, Address = address!, FloorAreaM2 = area!.Value,
            Capacity = capacity!.Value, Hours = hours!, SharedUse = shared!.Value, Facilities = facilities,
        };
    }
}
