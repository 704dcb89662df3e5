using System.Globalization;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Funding;

/// <summary>An account: its kind, the organisation holding it and the year (<c>budget:org_x:2026</c>).</summary>
public sealed record AccountId(AccountKind Kind, string OrgId, int Year)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2200;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{EnumText.ToText(Kind)}:{OrgId}:{Year}");

    public static bool TryParse(string? text, out AccountId? account)
    {
        account = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 } || !EnumText.TryParse<AccountKind>(parts[0], out var kind) || !Keys.IsWellFormedId(parts[1])
            || !AsciiNumber.TryParse(parts[2], 4, out var year) || year is < FirstYear or > LastYear || parts[2].Length != 4)
        {
            return false;
        }
        account = new AccountId(kind, parts[1], year);
        return true;
    }

    /// <summary>The account a field names, or null with the field's error added.</summary>
    public static AccountId? Field(Validator v, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Add(field, Validator.Required);
            return null;
        }
        if (TryParse(text, out var account)) return account;
        v.Add(field, new LocalizedText("须为 类型:组织标识:年份，类型为 {0}", "must be kind:orgId:year, the kind one of {0}")
            .Format(string.Join(", ", EnumText.Names<AccountKind>())));
        return null;
    }
}
