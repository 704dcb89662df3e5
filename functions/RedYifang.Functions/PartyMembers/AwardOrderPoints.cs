using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// An accepted order earns each party member who served it in person the points per order of the order's district's rules for
/// the year of the acceptance, limited by the monthly cap, as attendance does (<see cref="AwardAttendancePoints"/>): only party
/// members (holding <c>partyMember</c> anywhere) earn points, a repeated message adds nothing (<see cref="Ledger.Award"/>), and a
/// district without rules for the year records the order with no points (and no rules version).
/// </summary>
public sealed partial class AwardOrderPoints(
    LedgerStore ledger,
    PointsRulesStore rules,
    UserStore users,
    TimeProvider clock,
    ILogger<AwardOrderPoints> logger)
{
    /// <summary>Returns the entries added (none for a repeat or a non-member).</summary>
    public async Task<IReadOnlyList<PointsEntry>> HandleAsync(OrderServedMessage message, CancellationToken ct)
    {
        message.Check();
        if (!(await users.GetRolesAsync(message.UserId, ct)).Any(r => r.Role == Role.PartyMember))
        {
            LogNotAMember(message.OrderId);
            return [];
        }
        var year = Platform.Periods.ChinaTime.Of(message.At).Year;
        var current = (await rules.CurrentAsync(message.DistrictId, year, ct))?.Rules;
        var rule = current?.Sources.Order;
        var month = Ledger.MonthOf(message.At);
        return await ConcurrentUpdate.RunAsync(async attempt =>
        {
            var session = await ledger.OpenAsync(message.UserId, attempt);
            if (Ledger.Award(await session.StandingAsync(PointsSource.Order, message.OrderId, attempt),
                    await session.MonthAsync(month, attempt), PointsSource.Order, message.OrderId, rule?.Points ?? 0, 0, rule,
                    current?.Version, message.At, Keys.NewId("pte", clock)) is { } step)
            {
                session.Apply(step);
            }
            await session.CommitAsync(attempt);
            return session.Entries;
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Order {OrderId} earns one of its servers no points: they are not a party member")]
    private partial void LogNotAMember(string orderId);
}
