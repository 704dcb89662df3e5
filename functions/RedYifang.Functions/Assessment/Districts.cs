using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The scopes of the assessment: a district (its indicator sets, runs and rankings) and the streets within it. An
/// unknown id is 404; an id of another kind (a street where a district is wanted) is 422.
/// </summary>
public sealed class Districts(OrgStore orgs)
{
    public async Task<Org> FindAsync(string? id, string field, CancellationToken ct) =>
        await OfKindAsync(id, field, OrgKind.District, new("须为区（district）的标识", "must be the id of a district"), ct);

    public async Task<Org> FindStreetAsync(string? id, string field, CancellationToken ct) =>
        await OfKindAsync(id, field, OrgKind.Street, new("须为街道（street）的标识", "must be the id of a street"), ct);

    /// <summary>
    /// The ranking scope of a query: the district (<paramref name="districtId"/>) or one street in it
    /// (<paramref name="streetId"/>, which alone implies its district). One of them is required; a street outside the
    /// given district is 422.
    /// </summary>
    public async Task<(Org District, Org? Street)> ScopeAsync(string? districtId, string? streetId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(districtId) && string.IsNullOrEmpty(streetId))
        {
            throw Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["districtId"] = [new("须给出 districtId 或 streetId", "give districtId or streetId")],
            });
        }
        var street = string.IsNullOrEmpty(streetId) ? null : await FindStreetAsync(streetId, "streetId", ct);
        var district = string.IsNullOrEmpty(districtId)
            ? await FindAsync(street!.Path[0], "streetId", ct)
            : await FindAsync(districtId, "districtId", ct);
        if (street is not null && street.Path[0] != district.Id)
        {
            throw Problems.InvalidReference("streetId", new("该街道不属于所给的区", "is not a street of the given district"));
        }
        return (district, street);
    }

    private async Task<Org> OfKindAsync(string? id, string field, OrgKind kind, LocalizedText wrongKind, CancellationToken ct)
    {
        var org = string.IsNullOrEmpty(id) ? null : await orgs.FindAsync(id, ct);
        if (org is null) throw Problems.NotFound("organisation");
        return org.Kind == kind ? org : throw Problems.InvalidReference(field, wrongKind);
    }
}
