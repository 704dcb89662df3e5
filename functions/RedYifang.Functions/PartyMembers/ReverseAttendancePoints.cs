using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// Declined attendance takes back what its approval gave — the check-in's and the hours' entries, each by a reversal naming
/// it, in the month it counted toward — and is remembered, so an earlier approval arriving late adds nothing. Nothing is
/// edited; a repeated message adds nothing (<see cref="Ledger.Reverse"/>).
/// </summary>
public sealed class ReverseAttendancePoints(LedgerStore ledger, TimeProvider clock)
{
    /// <summary>Returns the reversals added.</summary>
    public async Task<IReadOnlyList<PointsEntry>> HandleAsync(AttendanceMessage message, CancellationToken ct)
    {
        message.Check();
        return await ConcurrentUpdate.RunAsync(async attempt =>
        {
            var session = await ledger.OpenAsync(message.UserId, attempt);
            foreach (var source in new[] { PointsSource.CheckIn, PointsSource.Attendance })
            {
                var standing = await session.StandingAsync(source, message.ActivityId, attempt);
                var month = standing?.Award is { } award ? await session.MonthAsync(award.Month, attempt) : null;
                if (Ledger.Reverse(standing, month, source, message.ActivityId, message.At, Keys.NewId("pte", clock)) is { } step)
                {
                    session.Apply(step);
                }
            }
            await session.CommitAsync(attempt);
            return session.Entries;
        }, ct);
    }
}
