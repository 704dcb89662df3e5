using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// The ledger of an organisation for a year (<c>GET /v1/funding/movements?orgId=&amp;year=</c>): every movement from or to one
/// of its accounts, oldest first, reversals and reversed entries included.
/// </summary>
public sealed class ListMovements(Openings openings, FundingStore store)
{
    public async Task<IReadOnlyList<MovementView>> HandleAsync(Caller caller, string? orgId, string? yearText, CancellationToken ct)
    {
        var (holder, year) = await openings.ReadableAsync(caller, orgId, yearText, ct);
        return
        [
            .. (await store.MovementsAsync(holder.Path[0], year, ct))
                .Where(m => m.From.OrgId == holder.Id || m.To.OrgId == holder.Id)
                .Select(MovementView.Of),
        ];
    }
}
