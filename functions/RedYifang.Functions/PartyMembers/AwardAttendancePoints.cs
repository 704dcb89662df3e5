using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Approved attendance earns a party member points under the rules of the activity's district for the year of the decision:
/// points per check-in (when they checked in) and per hour attended, each limited by its monthly cap. Only party members
/// (holding <c>partyMember</c> anywhere) earn points; a repeated or out-of-order message adds nothing (<see cref="Ledger.Award"/>).
/// A district without rules for the year records the attendance with no points (and no rules version).
/// </summary>
public sealed partial class AwardAttendancePoints(
    LedgerStore ledger,
    PointsRulesStore rules,
    UserStore users,
    TimeProvider clock,
    ILogger<AwardAttendancePoints> logger)
{
    /// <summary>Returns the entries added (none for a repeat, a non-member, or an award already standing).</summary>
    public async Task<IReadOnlyList<PointsEntry>> HandleAsync(AttendanceMessage message, CancellationToken ct)
    {
        message.Check();
        if (!(await users.GetRolesAsync(message.UserId, ct)).Any(r => r.Role == Role.PartyMember))
        {
            LogNotAMember(message.ActivityId);
            return [];
        }
        var year = Platform.Periods.ChinaTime.Of(message.At).Year;
        var current = (await rules.CurrentAsync(message.DistrictId, year, ct))?.Rules;
        var month = Ledger.MonthOf(message.At);
        return await ConcurrentUpdate.RunAsync(async attempt =>
        {
            var session = await ledger.OpenAsync(message.UserId, attempt);
            if (message.CheckedIn)
            {
                var rule = current?.Sources.CheckIn;
                Take(session, Ledger.Award(await session.StandingAsync(PointsSource.CheckIn, message.ActivityId, attempt),
                    await session.MonthAsync(month, attempt), PointsSource.CheckIn, message.ActivityId, rule?.Points ?? 0, 0, rule,
                    current?.Version, message.At, Keys.NewId("pte", clock)));
            }
            var perHour = current?.Sources.Attendance;
            Take(session, Ledger.Award(await session.StandingAsync(PointsSource.Attendance, message.ActivityId, attempt),
                await session.MonthAsync(month, attempt), PointsSource.Attendance, message.ActivityId,
                Ledger.ForHours(message.Hours, perHour?.Points ?? 0), message.Hours, perHour, current?.Version, message.At,
                Keys.NewId("pte", clock)));
            await session.CommitAsync(attempt);
            return session.Entries;
        }, ct);
    }

    private static void Take(LedgerSession session, Ledger.Step? step)
    {
        if (step is not null) session.Apply(step);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Attendance at {ActivityId} earns no points: the participant is not a party member")]
    private partial void LogNotAMember(string activityId);
}
