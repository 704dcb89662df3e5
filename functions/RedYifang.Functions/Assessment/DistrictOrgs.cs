using System.Collections.Concurrent;
using Azure;
using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// Every organisation of a district, as <see cref="OrgStore.InDistrictAsync"/> reads it, kept between ranking runs. A run
/// first reads the district's change marker (<see cref="OrgStore.ChangeMarkerAsync"/>, one point read), which every
/// change to the district's organisations rewrites in the same batch as the change; when its ETag is the one read before
/// the kept list, the list is current, else it is read again. Any instance's change moves the marker, so every instance's
/// kept list is checked against the same row.
/// </summary>
/// <remarks>
/// The marker is read before the list: a change that lands between the two is in the list, or not, but in either case its
/// marker differs from the one kept, so the next run reads the list again — a kept list is never older than its marker.
/// </remarks>
public sealed class DistrictOrgs(OrgStore orgs)
{
    private readonly ConcurrentDictionary<string, Kept> _known = new(StringComparer.Ordinal);

    private sealed record Kept(IReadOnlyList<Org> Members, ETag? Marker);

    public async Task<IReadOnlyList<Org>> InDistrictAsync(string districtId, CancellationToken ct)
    {
        var marker = await orgs.ChangeMarkerAsync(districtId, ct);
        if (_known.TryGetValue(districtId, out var kept) && kept.Marker == marker) return kept.Members;
        var members = await orgs.InDistrictAsync(districtId, ct);
        _known[districtId] = new Kept(members, marker);
        return members;
    }
}
