using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>Who may see and do what with activities: every activity rule, in one place.</summary>
public static class ActivityPolicy
{
    /// <summary>Creating an activity for an organiser: admins over it and, for a unit or volunteer team, its liaisons.</summary>
    public static bool MayCreateFor(Caller caller, IReadOnlyList<string> organiserPath) => caller.ActsFor(organiserPath);

    /// <summary>
    /// Reading an activity: whoever acts for the organiser (admins over it, its liaisons), and its participants (those with
    /// an attendance record: <paramref name="participant"/>). Everyone else is answered as if it did not exist.
    /// </summary>
    public static bool MayRead(Caller caller, Activity activity, bool participant) => caller.ActsFor(activity.OrganiserPath) || participant;

    /// <summary>Listing the activities organised within an organisation: admins over it and, for a unit, its liaisons.</summary>
    public static bool MayList(Caller caller, IReadOnlyList<string> orgPath) => caller.ActsFor(orgPath);

    /// <summary>
    /// Running the activity — showing the check-in code, reviewing and back-filling attendance, closing and cancelling: the
    /// organiser's admins (admins over the organiser). A unit's liaison creates activities for it but does not review them.
    /// </summary>
    public static bool MayManage(Caller caller, Activity activity) => caller.IsAdminOf(activity.OrganiserPath);

    /// <summary>Attaching evidence (photos, the sign-in sheet) into the organiser's archive: whoever acts for the organiser.</summary>
    public static bool MayAttachEvidence(Caller caller, Activity activity) => caller.ActsFor(activity.OrganiserPath);
}
