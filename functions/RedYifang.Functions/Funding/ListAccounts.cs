using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// An organisation's accounts for a year with their balances (<c>GET /v1/funding/accounts?orgId=&amp;year=</c>): every account
/// it may hold, those never used at their opening (a budget at the seed's default), for whoever acts for it or admins above it.
/// </summary>
public sealed class ListAccounts(Openings openings, FundingStore store)
{
    public async Task<IReadOnlyList<AccountView>> HandleAsync(Caller caller, string? orgId, string? yearText, CancellationToken ct)
    {
        var (holder, year) = await openings.ReadableAsync(caller, orgId, yearText, ct);
        var used = (await store.BalancesAsync(holder.Path[0], year, ct)).Where(b => b.Account.OrgId == holder.Id)
            .ToDictionary(b => b.Account.Kind);
        return
        [
            .. Enum.GetValues<AccountKind>().Where(k => Ledger.Holds(k, holder.Kind)).Select(k => AccountView.From(
                used.GetValueOrDefault(k) ?? AccountBalance.Empty(new AccountId(k, holder.Id, year),
                    openings.For(new AccountId(k, holder.Id, year), holder)))),
        ];
    }
}
