using RedYifang.Functions.Activities;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>
/// One activity for the rules tests: a free clinic of unit u1 (street s1, district d1) from 09:00 to 11:00 China Standard
/// Time on 5 December 2026, with 3 places, delivering commitment 0 (medical) of agreement cba_1; written at <see cref="T0"/>.
/// </summary>
internal static class ActivityWalk
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, China);
    public static readonly DateTimeOffset End = Start.AddHours(2);
    public static readonly DateTimeOffset T0 = Start.AddDays(-3);
    public const string Admin = "usr_admin";
    public const string Member = "usr_member";

    public static readonly NewActivity Draft = new()
    {
        OrganiserOrgId = "u1", Kind = ActivityKind.FreeClinic, Title = "社区义诊", StartsAt = Start, EndsAt = End, Capacity = 3,
        AgreementId = "cba_1", CommitmentIndex = 0,
    };

    public static ActivityChange Create(AgreementLink? link = null, bool linked = true) =>
        Activity.Create(Draft, "act_1", ["d1", "s1", "u1"], linked ? link ?? new AgreementLink("cba_1", 0, Category.Medical) : null,
            CheckinCode.NewSecret(), Admin, T0);

    public static Activity Scheduled(bool linked = true) => Create(linked: linked).Activity;

    /// <summary>Minutes after the start (negative: before it).</summary>
    public static DateTimeOffset Min(double minutes) => Start.AddMinutes(minutes);
}
