using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.PartyMembers;

/// <summary>An admin over the community declines a pending report, with the reason; the user may report again.</summary>
public sealed class DeclineReport(ReportChanges changes)
{
    /// <summary>The body of <c>POST /v1/party-member-reports/{id}/decline</c>.</summary>
    public sealed record Request(string? Reason);

    public Task<PartyMemberReport> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500);
        v.ThrowIfInvalid();
        return changes.DecideAsync(caller, id, r => r.Decline(caller.UserId, changes.Now, reason!), ct);
    }
}
