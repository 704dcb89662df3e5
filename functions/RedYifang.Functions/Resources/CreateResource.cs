using System.Globalization;
using System.Text.Json;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Sites;

namespace RedYifang.Functions.Resources;

/// <summary>
/// A unit's liaison (or an admin above the unit) lists a service resource, as a draft. The provider is a unit or a volunteer
/// team serving residents — or a community that keeps a party–mass service station (党群服务站, asked of Sites' public read side),
/// which serves the units and residents around it (issue 16); its admins act for it.
/// </summary>
public sealed class CreateResource(ResourceStore resources, OrgStore orgs, SiteQueries sites, TimeProvider clock)
{
    /// <summary>The body of <c>POST /v1/resources</c> (api.md); every member optional here, validated below.</summary>
    public sealed record Request
    {
        public string? UnitId { get; init; }
        public string? Title { get; init; }
        public string? Category { get; init; }
        public string? Description { get; init; }
        public string? Kind { get; init; }

        /// <summary>Yuan, as a JSON number or a decimal string (funds only).</summary>
        public JsonElement? Amount { get; init; }
        public List<string>? AreaIds { get; init; }
        public int? MonthlyCapacity { get; init; }
        public List<Window>? Availability { get; init; }
        public string? ValidFrom { get; init; }
        public string? ValidTo { get; init; }
        public List<string>? Tags { get; init; }
    }

    public sealed record Window(int? Weekday, string? From, string? To);

    /// <summary>Whether the caller may (still) publish resources for the unit the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var unit = request.UnitId is { } unitId ? await orgs.FindAsync(unitId, ct) : null;
        if (unit is null || !ResourcePolicy.MayChange(caller, unit.Path)) throw Problems.Forbidden();
    }

    public async Task<Resource> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var unitId = v.Id("unitId", request.UnitId);
        var title = v.Text("title", request.Title, 100);
        var category = v.OneOf<Category>("category", request.Category);
        var description = v.Text("description", request.Description, 2000);
        var kind = v.OneOf<ResourceKind>("kind", request.Kind);
        var amount = Money(v, kind, request.Amount);
        var capacity = v.Range("monthlyCapacity", request.MonthlyCapacity, 1, 10_000);
        var availability = Availability(v, request.Availability);
        var from = Date(v, "validFrom", request.ValidFrom);
        var to = Date(v, "validTo", request.ValidTo);
        if (from is not null && to is not null && from > to) v.Add("validTo", new("不能早于 validFrom", "may not be before validFrom"));
        var tags = Tags(v, request.Tags);
        var areaIds = AreaIds(v, request.AreaIds ?? []);
        v.ThrowIfInvalid();

        var unit = await orgs.FindAsync(unitId!, ct);
        if (unit is null || !await ProvidesAsync(unit, ct))
        {
            throw Problems.InvalidReference("unitId", new("不是已登记的驻区单位、志愿服务队或设有党群服务站的社区",
                "is not a registered unit, volunteer team or community keeping a service station"));
        }
        if (!ResourcePolicy.MayChange(caller, unit.Path)) throw Problems.Forbidden();
        await CheckAreasAsync(orgs, unit.Path, areaIds, ct);

        var now = clock.GetUtcNow();
        var resource = new Resource
        {
            Id = Keys.NewChildId("res", unit.Id, clock), UnitId = unit.Id, UnitPath = unit.Path, Title = title!, Category = category!.Value,
            Description = description!, Kind = kind!.Value, Amount = amount, AreaIds = areaIds, MonthlyCapacity = capacity!.Value,
            Availability = availability, ValidFrom = from!.Value, ValidTo = to!.Value, Tags = tags, State = ResourceState.Draft,
            CreatedAt = now, UpdatedAt = now,
        };
        var first = await CreateOnce.AddAsync(() => resources.AddAsync(resource, ct),
            async () => (await resources.FindAsync(resource.Id, ct))?.Resource);
        return first ?? resource;
    }

    /// <summary>Who may provide resources: a unit, a volunteer team, or a community keeping a service station.</summary>
    private async Task<bool> ProvidesAsync(Org provider, CancellationToken ct) => provider.Kind switch
    {
        OrgKind.Unit or OrgKind.VolunteerTeam => true,
        OrgKind.Community => await sites.KeepsServiceStationAsync(provider.Path, ct),
        _ => false,
    };

    /// <summary>Service areas are the street, its communities or their grids: the unit's own street.</summary>
    internal static async Task CheckAreasAsync(OrgStore orgs, IReadOnlyList<string> unitPath, IReadOnlyList<string> areaIds,
        CancellationToken ct)
    {
        var street = unitPath.Count > 1 ? unitPath[1] : unitPath[^1];
        var areas = await Task.WhenAll(areaIds.Select(a => orgs.FindAsync(a, ct)));
        if (areas.Any(a => a is null || a.Kind is not (OrgKind.Street or OrgKind.Community or OrgKind.Grid) || !a.Path.Contains(street)))
        {
            throw Problems.InvalidReference(
                "areaIds",
                new("服务区域必须是本单位所在街道及其社区、网格", "must be the unit's street, its communities or their grids"));
        }
    }

    private static decimal? Money(Validator v, ResourceKind? kind, JsonElement? raw)
    {
        var present = raw is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (kind != ResourceKind.Funds)
        {
            if (present) v.Add("amount", new("仅资金类资源（funds）可填写", "applies only to kind funds"));
            return null;
        }
        var text = raw?.ValueKind switch
        {
            JsonValueKind.String => raw.Value.GetString(),
            JsonValueKind.Number => raw.Value.GetRawText(),
            _ => null,
        };
        if (!present)
        {
            v.Add("amount", Validator.Required);
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || amount > 100_000_000m || decimal.Round(amount, 2) != amount)
        {
            v.Add("amount", new("须为大于 0、最多两位小数的金额（元）", "must be an amount in yuan above 0 with at most two decimals"));
            return null;
        }
        return amount;
    }

    internal static List<string> AreaIds(Validator v, List<string> requested)
    {
        var areaIds = requested.Select(a => a ?? "").Distinct().ToList();
        if (areaIds.Any(a => a.Length != a.Trim().Length)) v.Add("areaIds", Validator.NotAnId);
        if (areaIds.Count is < 1 or > 20) v.Add("areaIds", new("需要 1–20 个服务区域", "needs 1–20 service areas"));
        return areaIds;
    }

    internal static List<AvailabilityWindow> Availability(Validator v, List<Window>? windows)
    {
        var result = new List<AvailabilityWindow>();
        if (windows is null) return result;
        if (windows.Count > 21) v.Add("availability", new("最多 21 个时段", "at most 21 windows"));
        for (var i = 0; i < Math.Min(windows.Count, 21); i++)
        {
            var w = windows[i];
            var field = $"availability[{i}]";
            var from = Time(w?.From);
            var to = Time(w?.To);
            if (w?.Weekday is not (>= 1 and <= 7)) v.Add(field + ".weekday", new("取值范围为 1–7（周一为 1）", "must be 1–7 (Monday = 1)"));
            if (from is null) v.Add(field + ".from", new("须为 HH:mm", "must be HH:mm"));
            if (to is null) v.Add(field + ".to", new("须为 HH:mm", "must be HH:mm"));
            if (from is not null && to is not null && from >= to) v.Add(field + ".to", new("须晚于 from", "must be after from"));
            if (w?.Weekday is >= 1 and <= 7 && from is not null && to is not null) result.Add(
                new AvailabilityWindow(w.Weekday.Value, w.From!, w.To!));
        }
        return result;
    }

    private static TimeOnly? Time(string? text) =>
        text is { Length: 5 } && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : null;

    private static DateOnly? Date(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        v.Add(field, new("须为 YYYY-MM-DD", "must be YYYY-MM-DD"));
        return null;
    }

    internal static List<string> Tags(Validator v, List<string>? tags)
    {
        var result = new List<string>();
        if (tags is null) return result;
        if (tags.Count > 10) v.Add("tags", new("最多 10 个标签", "at most 10 tags"));
        foreach (var tag in tags.Take(10))
        {
            if (v.Text("tags", tag, 20) is { } t) result.Add(t);
        }
        return result.Distinct().ToList();
    }

}
