using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Funding;

/// <summary>An account as the API shows it: amounts as decimal strings of yuan with two places.</summary>
public sealed record AccountView(string Account, string Kind, string OrgId, int Year, string Opening, string Debits, string Credits,
    string Balance, bool BudgetSet)
{
    public static AccountView From(AccountBalance b) => new(b.Account.ToString(), EnumText.ToText(b.Account.Kind), b.Account.OrgId,
        b.Account.Year, b.Opening.ToString(), b.Debits.ToString(), b.Credits.ToString(), b.Balance.ToString(), b.BudgetSet);
}

/// <summary>A movement as the API shows it.</summary>
public sealed record MovementView(string Id, string DistrictId, int Year, string From, string To, string Amount, string Memo,
    string? EvidenceId, string? ActivityId, string? AgreementId, string? OrderId, string? Reverses, string? ReversedBy, string? Reason,
    string By, DateTimeOffset At)
{
    public static MovementView Of(Movement m) => new(m.Id, m.DistrictId, m.Year, m.From.ToString(), m.To.ToString(), m.Amount.ToString(),
        m.Memo, m.EvidenceId, m.ActivityId, m.AgreementId, m.OrderId, m.Reverses, m.ReversedBy, m.Reason, m.By, m.At);
}
