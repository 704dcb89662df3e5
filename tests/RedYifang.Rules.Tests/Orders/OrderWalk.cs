using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>
/// One order walked through its actions, each step minutes after submission (2 November 2026 01:00 UTC), for the
/// event and translation tests. Community c1 of street s1 in district d1; unit org_u serves it with res_1.
/// </summary>
internal static class OrderWalk
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    public const string Resident = "usr_resident";
    public const string Admin = "adm_c";
    public const string Liaison = "usr_liaison";
    public static readonly ProjectAgreement Agreement = new("agr_1", "res_1", "org_u", Admin, At(20));
    public static readonly Completion FirstCompletion = new(["evd_1", "evd_2"], 3.5m, 12, At(50));
    public static readonly Completion SecondCompletion = new(["evd_1", "evd_3"], 4.0m, 15, At(58));
    public static readonly Rating FourStars = new(4, "很好", At(70));

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static OrderChange Submit() => Order.Submit(
        new NewOrder
        {
            Level = OrderLevel.Community, Title = "助老上门", Category = Category.ElderlyCare, Description = "每周上门陪护",
            Beneficiaries = 2, Urgency = Urgency.Normal, ContactPhone = "13812341234",
        },
        "ord_1",
        ["d1", "s1", "c1"],
        Resident,
        T0);

    public static Order Submitted() => Submit().Order;

    public static Order Published() => Submitted().Apply(OrderAction.Publish, Admin, At(10)).Order;

    public static Order Matched() => Published().Match(Agreement).Order;

    public static Order Agreed() => Matched().Apply(OrderAction.Agree, Liaison, At(30)).Order;

    public static Order InProgress() => Agreed().Apply(OrderAction.Start, Liaison, At(40)).Order;

    public static Order Completed() => InProgress().Complete(FirstCompletion, Liaison).Order;

    /// <summary>Completed, then sent back at acceptance (minute 55).</summary>
    public static Order Reopened() => Completed().Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰").Order;

    public static Order Accepted() => Completed().Accept(Admin, At(60), evidenceVerified: true).Order;
}
