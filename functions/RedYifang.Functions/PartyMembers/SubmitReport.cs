using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A signed-in user reports to their home community as an in-service party member (在职党员报到): the community (and grid),
/// their employer (a registered unit, or its name), skills and the services they offer. One pending report per user and
/// community (409 <c>report_pending</c>), none once approved (409 <c>already_member</c>); a declined one may be followed by another.
/// </summary>
public sealed class SubmitReport(ReportStore reports, OrgStore orgs, TimeProvider clock)
{
    public const int MaxSkillLength = 20;
    public const int MaxWorkUnitName = 100;

    /// <summary>The body of <c>POST /v1/party-member-reports</c>; every member optional here, validated below.</summary>
    public sealed record Request
    {
        public string? CommunityId { get; init; }
        public string? GridId { get; init; }
        public string? WorkUnitId { get; init; }
        public string? WorkUnitName { get; init; }
        public List<string?>? Skills { get; init; }
        public List<string?>? ServiceCategories { get; init; }
    }

    public async Task<PartyMemberReport> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var draft = Validate(request);
        var community = await orgs.FindAsync(draft.CommunityId, ct);
        if (community is not { Kind: OrgKind.Community })
        {
            throw Problems.InvalidReference("communityId", new("不是已登记的社区", "is not a registered community"));
        }
        if (draft.GridId is { } gridId && !IsGridOf(await orgs.FindAsync(gridId, ct), community))
        {
            throw Problems.InvalidReference("gridId", new("须为该社区的网格", "must be a grid of the community"));
        }
        if (draft.WorkUnitId is { } unitId && await orgs.FindAsync(unitId, ct) is not { Kind: OrgKind.Unit })
        {
            throw Problems.InvalidReference("workUnitId", new("不是已登记的驻区单位", "is not a registered unit"));
        }
        var guard = await reports.GuardAsync(community.Path[0], community.Id, caller.UserId, ct);
        ReportGuard.CheckMayReport(guard);

        var change = PartyMemberReport.Submit(draft, Keys.NewChildId("pmr", community.Path[0], clock), community.Path, caller.UserId,
            clock.GetUtcNow());
        await reports.AddAsync(change, guard, ct);
        return change.Report;
    }

    private static bool IsGridOf(Org? grid, Org community) => grid is { Kind: OrgKind.Grid } && grid.ParentId == community.Id;

    public static NewReport Validate(Request request)
    {
        var v = new Validator();
        var communityId = v.Id("communityId", request.CommunityId);
        var gridId = v.Id("gridId", request.GridId, required: false);
        var workUnitId = v.Id("workUnitId", request.WorkUnitId, required: false);
        var workUnitName = v.Text("workUnitName", request.WorkUnitName, MaxWorkUnitName, required: false);
        if (request.WorkUnitId is null && workUnitName is null)
        {
            v.Add("workUnitId", new("请填写 workUnitId（已登记的单位）或 workUnitName", "give workUnitId (a registered unit) or workUnitName"));
        }
        else if (request.WorkUnitId is not null && request.WorkUnitName is not null)
        {
            v.Add("workUnitName", new("workUnitId 与 workUnitName 只能填一项", "give workUnitId or workUnitName, not both"));
        }
        var skills = Skills(v, request.Skills);
        var categories = Categories(v, request.ServiceCategories);
        v.ThrowIfInvalid();
        return new NewReport
        {
            CommunityId = communityId!, GridId = gridId, WorkUnitId = workUnitId, WorkUnitName = workUnitId is null ? workUnitName : null,
            Skills = skills, ServiceCategories = categories,
        };
    }

    private static List<string> Skills(Validator v, List<string?>? requests)
    {
        var skills = new List<string>();
        if (requests is null) return skills;
        if (requests.Count > PartyMemberReport.MaxSkills)
        {
            v.Add("skills", new LocalizedText("最多 {0} 项", "at most {0}").Format(PartyMemberReport.MaxSkills));
            return skills;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            if (v.Text($"skills[{i}]", requests[i], MaxSkillLength) is not { } skill) continue;
            if (skills.Contains(skill, StringComparer.Ordinal)) v.Add($"skills[{i}]", new("重复", "is listed twice"));
            else skills.Add(skill);
        }
        return skills;
    }

    private static List<Category> Categories(Validator v, List<string?>? requests)
    {
        var categories = new List<Category>();
        if (requests is not { Count: > 0 })
        {
            v.Add("serviceCategories", new("至少选择一个服务类别", "needs at least one category"));
            return categories;
        }
        if (requests.Count > Enum.GetValues<Category>().Length)
        {
            v.Add("serviceCategories", new LocalizedText("最多 {0} 项", "at most {0}").Format(Enum.GetValues<Category>().Length));
            return categories;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            if (v.OneOf<Category>($"serviceCategories[{i}]", requests[i]) is not { } category) continue;
            if (categories.Contains(category)) v.Add($"serviceCategories[{i}]", new("重复", "is listed twice"));
            else categories.Add(category);
        }
        return categories;
    }
}
