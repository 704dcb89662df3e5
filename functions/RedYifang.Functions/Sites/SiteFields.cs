using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Sites;

/// <summary>
/// The rules of a site's fields, shared by registering one (<see cref="CreateSite"/>) and editing it (<see cref="EditSite"/>).
/// </summary>
public static class SiteFields
{
    public const int MaxName = 100;
    public const int MaxAddress = 200;
    public const int MaxCapacity = 100_000;
    public const int MaxFacilities = 20;
    public const int MaxFacility = 30;

    /// <summary>The largest floor area taken, m² (a stadium is smaller).</summary>
    public const decimal MaxFloorArea = 1_000_000m;

    /// <summary>
    /// Floor area in m², a JSON number (as other measured quantities in this API, serviceHours and hours; money alone is a
    /// decimal string): above 0, at most <see cref="MaxFloorArea"/>, at most two decimals. Kept as a decimal, never a double.
    /// </summary>
    public static decimal? FloorArea(Validator v, string field, decimal? value, bool required = true)
    {
        if (value is not { } area)
        {
            if (required) v.Add(field, Validator.Required);
            return null;
        }
        if (area > 0 && area <= MaxFloorArea && decimal.Round(area, 2) == area) return area;
        v.Add(field, new LocalizedText("须大于 0、不超过 {0}、最多两位小数（平方米）", "must be above 0, at most {0}, with at most two decimals (m²)")
            .Format(MaxFloorArea.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));
        return null;
    }

    /// <summary>Up to <see cref="MaxFacilities"/> short names (会议室, 投影仪, 图书角…), trimmed, each once, in the order given.</summary>
    public static List<string>? Facilities(Validator v, string field, List<string?>? given, bool required = true)
    {
        if (given is null)
        {
            if (required) v.Add(field, Validator.Required);
            return null;
        }
        if (given.Count > MaxFacilities)
        {
            v.Add(field, new LocalizedText("最多 {0} 项", "at most {0} items").Format(MaxFacilities));
            return null;
        }
        var result = new List<string>();
        for (var i = 0; i < given.Count; i++)
        {
            var name = v.Text($"{field}[{i}]", given[i], MaxFacility, required: true);
            if (name is not null && !result.Contains(name, StringComparer.Ordinal)) result.Add(name);
        }
        return result;
    }
}
