using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Funding;

/// <summary>The problems only funding raises.</summary>
public static class FundingProblems
{
    /// <summary>The movement (or a budget lowered below what was already moved out) would take the account below zero.</summary>
    public static ConflictException BudgetExceeded(AccountBalance account, Money amount) =>
        new("budget_exceeded",
            new("余额不足，超出预算", "The account's balance does not cover it"),
            new LocalizedText("账户 {0} 余额 {1} 元，不足 {2} 元。", "Account {0} holds {1} yuan, less than {2}.")
                .Format(account.Account.ToString(), account.Balance.ToString(), amount.ToString()));

    public static ConflictException BudgetBelowSpent(AccountBalance account) =>
        new("budget_exceeded",
            new("余额不足，超出预算", "The account's balance does not cover it"),
            new LocalizedText("账户 {0} 已拨付 {1} 元，预算不能低于此数。", "Account {0} has paid out {1} yuan; the budget cannot be lower.")
                .Format(account.Account.ToString(), (account.Debits - account.Credits).ToString()));

    public static RuleViolationException ReceiptRequired() =>
        new("receipt_required",
            new("支出须附已核验的票据", "An expense needs a verified receipt"),
            new("evidenceId 须为付款组织（或所述活动）已核验的痕迹材料。",
                "evidenceId must name verified evidence of the paying organisation (or of the activity named)."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["evidenceId"] = [new("不是已核验的票据", "is not a verified receipt")] });

    public static ConflictException ReceiptUsed() =>
        new("receipt_used",
            new("该票据已用于另一笔支出", "The receipt is already behind another expense"),
            errors: new Dictionary<string, IReadOnlyList<LocalizedText>> { ["evidenceId"] = [new("已被使用", "is already used")] });

    public static RuleViolationException MovementNotAllowed(AccountId from, AccountId to) =>
        new("movement_not_allowed",
            new("不允许的资金流向", "Money cannot move between these accounts"),
            new LocalizedText("不能从 {0} 转入 {1}：预算→单位共建经费或本级支出，共建经费→本单位支出，捐助方→同区受赠组织，且同一年度。",
                "{0} cannot pay {1}: a budget pays a unit's co-building fund under it or its own expenses, a co-building fund its unit's"
                + " expenses, a donor an organisation of its district, all in one year.").Format(from.ToString(), to.ToString()));

    public static ConflictException AlreadyReversed(string reversedBy) =>
        new("already_reversed",
            new("该笔已冲正", "The movement was already reversed"),
            new LocalizedText("冲正记录：{0}。", "Reversed by {0}.").Format(reversedBy));

    public static RuleViolationException ReversalOfReversal() =>
        new("reversal_not_allowed",
            new("冲正记录不能再冲正", "A reversing entry is not reversed"),
            new("请重新登记一笔正确的款项。", "Record the right movement anew."));
}
