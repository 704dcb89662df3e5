using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;

/// <summary>
/// Resources serving an area, of a unit, or of a category (at least one), optionally in one state. Published service
/// offers are public within the platform: any signed-in user may browse them, as residents and liaisons do.
/// </summary>
public sealed class ListResources(ResourceStore resources)
{
    public sealed record Request(string? AreaId, string? UnitId, string? Category, string? State, Paging Paging);

    public async Task<ListPage<Resource>> HandleAsync(Request request, CancellationToken ct)
    {
        var v = new Validator();
        var category = v.OneOf<Category>("category", request.Category, required: false);
        var state = v.OneOf<ResourceState>("state", request.State, required: false);
        var areaId = IdParameter(v, "areaId", request.AreaId);
        var unitId = IdParameter(v, "unitId", request.UnitId);
        if (areaId is null && unitId is null && category is null)
        {
            v.Add("areaId", new("请至少指定 areaId、unitId 或 category 之一", "give at least one of areaId, unitId or category"));
        }
        v.ThrowIfInvalid();
        bool Fits(Resource r) => (state is null || r.State == state) && (category is null || r.Category == category)
            && (unitId is null || r.UnitId == unitId);
        return unitId is not null
            ? await resources.ListByUnitAsync(unitId, r => Fits(r) && (areaId is null || r.AreaIds.Contains(areaId)), request.Paging, ct)
            : await resources.ListIndexedAsync(areaId, category, Fits, request.Paging, ct);
    }

    private static string? IdParameter(Validator v, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Keys.IsWellFormedId(value)) return value;
        v.Add(name, new("不是有效的标识", "is not a valid id"));
        return null;
    }
}
