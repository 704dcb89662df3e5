using Microsoft.Extensions.Options;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Funding;

/// <summary>
/// The steps funding use cases share: an account's organisation (Organisations' service, never its table), what an account
/// opens with (a budget the seed's default until its admin sets one; anything else zero), and a year from a path or query.
/// </summary>
public sealed class Openings(OrgStore orgs, IOptions<FundingOptions> options)
{
    public FundingOptions Options => options.Value;

    public Money For(AccountId account, Org holder) => (account.Kind, holder.Kind) switch
    {
        (AccountKind.Budget, OrgKind.District) => Options.DistrictFundAmount,
        (AccountKind.Budget, OrgKind.Street) => Options.StreetBudgetAmount,
        _ => Money.Zero,
    };

    /// <summary>The organisation holding the account, when it exists and may hold that kind; 422 naming the field otherwise.</summary>
    public async Task<Org> HolderAsync(string field, AccountId account, CancellationToken ct)
    {
        var org = await orgs.FindAsync(account.OrgId, ct);
        return org is not null && Ledger.Holds(account.Kind, org.Kind)
            ? org
            : throw Problems.InvalidReference(field,
                new LocalizedText("组织不存在或不能持有 {0} 账户", "names no organisation that holds a {0} account")
                    .Format(EnumText.ToText(account.Kind)));
    }

    public Task<Org?> FindAsync(string id, CancellationToken ct) => orgs.FindAsync(id, ct);

    /// <summary>
    /// The organisation and year of a read (<c>?orgId=&amp;year=</c>): 400 naming a malformed one, 404 for an organisation the
    /// caller may not read the funding of (<see cref="FundingPolicy.MayRead"/>), as for one that does not exist.
    /// </summary>
    public async Task<(Org Holder, int Year)> ReadableAsync(
        Platform.Security.Caller caller,
        string? orgId,
        string? yearText,
        CancellationToken ct)
    {
        var v = new Validator();
        var id = v.Id("orgId", orgId);
        var year = Year(v, "year", yearText);
        v.ThrowIfInvalid();
        var holder = await FindAsync(id!, ct);
        if (holder is null || !FundingPolicy.MayRead(caller, holder)) throw Problems.NotFound("organisation");
        return (holder, year!.Value);
    }

    /// <summary>A year 2000–2200 in ASCII digits, or null with the field's error added.</summary>
    public static int? Year(Validator v, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (text.Length == 4 && AsciiNumber.TryParse(text, 4, out var year) && year is >= AccountId.FirstYear and <= AccountId.LastYear)
        {
            return year;
        }
        v.Add(field, new("须为 2000–2200 之间的年份", "must be a year from 2000 to 2200"));
        return null;
    }

    /// <summary>An amount of yuan greater than zero, or null with the field's error added.</summary>
    public static Money? Amount(Validator v, string field, string? text, bool allowZero = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (Money.TryParse(text, out var money) && (allowZero || money > Money.Zero)) return money;
        v.Add(field, new LocalizedText("须为不超过 {0} 的金额字符串，最多两位小数（如 \"1000.00\"）", "must be a decimal string of yuan up to {0}"
            + " with at most two places (e.g. \"1000.00\")").Format(Money.Max.ToString()));
        return null;
    }
}
