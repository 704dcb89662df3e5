using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>The organiser's admins call off a scheduled activity, with the reason.</summary>
public sealed class CancelActivity(ActivityChanges changes)
{
    /// <summary>The body of <c>POST /v1/activities/{id}/cancel</c>.</summary>
    public sealed record Request(string? Reason);

    public Task<Activity> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500);
        v.ThrowIfInvalid();
        return changes.ApplyAsync(caller, id, a => Task.FromResult(a.Cancel(caller.UserId, changes.Now, reason!)), ct);
    }
}
