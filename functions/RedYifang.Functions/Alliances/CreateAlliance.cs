using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Admins over a street found its party-building alliance (党建联盟). One per street: a second is 409 <c>alliance_exists</c>,
/// however many are asked for at once — the street's row is added with it, and only one add of a key succeeds.
/// </summary>
public sealed class CreateAlliance(AllianceStore alliances, OrgStore orgs, TimeProvider clock)
{
    public const int MaxName = 50;

    /// <summary>The body of <c>POST /v1/alliances</c>; every member optional here, validated below.</summary>
    public sealed record Request(string? StreetId, string? Name);

    /// <summary>Whether the caller may (still) found the alliance of the street the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        var street = Keys.IsWellFormedId(request.StreetId) ? await orgs.FindAsync(request.StreetId!, ct) : null;
        if (street is null || !AlliancePolicy.MayCreateFor(caller, street.Path)) throw Problems.Forbidden();
    }

    public async Task<Alliance> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var streetId = v.Id("streetId", request.StreetId);
        var name = v.Text("name", request.Name, MaxName);
        v.ThrowIfInvalid();
        var street = await orgs.FindAsync(streetId!, ct);
        if (street is not { Kind: OrgKind.Street })
        {
            throw Problems.InvalidReference("streetId", new("不是已登记的街道", "is not a registered street"));
        }
        if (!AlliancePolicy.MayCreateFor(caller, street.Path)) throw Problems.Forbidden();
        if (await alliances.FindByStreetAsync(street.Path[0], street.Id, ct) is { } existing) throw AllianceProblems.Exists(existing.Id);

        var (alliance, created) = Alliance.Create(Keys.NewChildId("aln", street.Path[0], clock), street.Path, name!, caller.UserId,
            clock.GetUtcNow());
        try
        {
            var first = await CreateOnce.AddAsync(() => alliances.AddAsync(alliance, created, ct),
                () => alliances.FindAsync(alliance.Id, ct));
            return first ?? alliance;
        }
        catch (ConflictException e) when (e.Code == "conflict")
        {
            // The ids are new, so the add can only have met the street's row: another request founded it meanwhile.
            var winner = await alliances.FindByStreetAsync(street.Path[0], street.Id, ct);
            throw AllianceProblems.Exists(winner?.Id ?? "?");
        }
    }
}
