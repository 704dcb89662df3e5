using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The code the organiser's admins show for participants to scan (<see cref="CheckinCode"/>), changing every 30 seconds;
/// the secret behind it never leaves the server.
/// </summary>
public sealed class GetCheckinCode(ActivityChanges changes)
{
    public async Task<CheckinCodeView> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var activity = (await changes.ManageAsync(caller, id, ct)).Activity;
        if (activity.State != ActivityState.Scheduled) throw ActivityLifecycle.NotOpen(activity.State);
        var now = changes.Now;
        return new CheckinCodeView(CheckinCode.At(activity.CheckinSecret, now), CheckinCode.EndOf(CheckinCode.StepOf(now)));
    }
}
