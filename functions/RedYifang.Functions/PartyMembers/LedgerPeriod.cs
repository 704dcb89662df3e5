using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.PartyMembers;

/// <summary>The months a period covers, as the ledger keys them (<c>2026-10</c> … <c>2026-12</c> for <c>2026-Q4</c>).</summary>
public static class LedgerPeriod
{
    public static (string First, string Last) Months(Period period) =>
        (ChinaTime.Month(period.Start), ChinaTime.Month(period.End.AddTicks(-1)));
}
