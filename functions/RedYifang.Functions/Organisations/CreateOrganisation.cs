using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Organisations;

/// <summary>Creates an organisation under a parent the caller administers, where the hierarchy allows it.</summary>
public sealed class CreateOrganisation(OrgStore orgs, TimeProvider clock)
{
    public sealed record Request(
        string? Kind,
        string? ParentId,
        string? Name,
        string? UnitKind,
        int? PartyBranches,
        int? PartyMembers,
        string? Address,
        int? Households = null);

    public async Task<Org> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var valid = Validate(request);
        var parent = await ParentAsync(caller, valid.ParentId, ct);
        var allowed = OrgRules.AllowedParents(valid.Kind);
        if (parent is null ? allowed.Count > 0 : !allowed.Contains(parent.Kind))
        {
            throw OrgProblems.InvalidParent(valid.Kind, allowed);
        }
        var id = Keys.NewId("org", clock);
        var org = valid with { Id = id, Path = [.. parent?.Path ?? [], id], CreatedAt = clock.GetUtcNow() };
        return await CreateOnce.AddAsync(() => orgs.AddAsync(org, caller.UserId, ct), () => orgs.FindAsync(id, ct)) ?? org;
    }

    /// <summary>Whether the caller may (still) create this organisation: refused as <see cref="HandleAsync"/> would refuse it.</summary>
    public Task MayStillAsync(Caller caller, Request request, CancellationToken ct) => ParentAsync(caller, Validate(request).ParentId, ct);

    /// <summary>The parent, when the caller may create under it (<see cref="OrgPolicy"/>); null for a district.</summary>
    private async Task<Org?> ParentAsync(Caller caller, string? parentId, CancellationToken ct)
    {
        if (parentId is null)
        {
            return OrgPolicy.MayCreateDistrict(caller) ? null : throw Problems.Forbidden();
        }
        var parent = await orgs.FindAsync(parentId, ct) ?? throw OrgProblems.ParentNotFound();
        return OrgPolicy.MayCreateUnder(caller, parent) ? parent : throw Problems.Forbidden();
    }

    private static Org Validate(Request request)
    {
        var v = new Validator();
        var kind = v.OneOf<OrgKind>("kind", request.Kind);
        var name = v.Text("name", request.Name, 100);
        var address = v.Text("address", request.Address, 200, required: false);
        var parentId = string.IsNullOrWhiteSpace(request.ParentId) ? null : request.ParentId.Trim();
        if (parentId is not null && !Keys.IsWellFormedId(parentId))
        {
            v.Add("parentId", new("不是有效的组织标识", "is not a valid organisation id"));
        }
        UnitKind? unitKind = null;
        if (kind == OrgKind.Unit)
        {
            unitKind = v.OneOf<UnitKind>("unitKind", request.UnitKind);
        }
        else if (request.UnitKind is not null)
        {
            v.Add("unitKind", new("仅驻区单位（unit）可填写", "applies only to kind unit"));
        }
        if (kind is { } k && !OrgRules.HasPartyCounts(k) && (request.PartyBranches is not null || request.PartyMembers is not null))
        {
            v.Add(request.PartyBranches is not null ? "partyBranches" : "partyMembers",
                new("仅社区、驻区单位和志愿服务队可填写", "applies only to communities, units and volunteer teams"));
        }
        if (kind is { } h && !OrgRules.HasHouseholds(h) && request.Households is not null)
        {
            v.Add("households", new("仅社区和网格可填写", "applies only to communities and grids"));
        }
        var branches = v.Range("partyBranches", request.PartyBranches, 0, 10_000, required: false);
        var members = v.Range("partyMembers", request.PartyMembers, 0, 1_000_000, required: false);
        var households = v.Range("households", request.Households, 0, OrgRules.MaxHouseholds, required: false);
        v.ThrowIfInvalid();
        return new Org
        {
            Id = "", Kind = kind!.Value, ParentId = parentId, Name = name!, UnitKind = unitKind, PartyBranches = branches,
            PartyMembers = members, Households = households, Address = address, Path = [], CreatedAt = default,
        };
    }
}
