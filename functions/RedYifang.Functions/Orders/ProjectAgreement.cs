namespace RedYifang.Functions.Orders;

/// <summary>
/// The project agreement (项目意见书) a match creates between the order and a unit's resource. <see cref="FundsAmount"/> is the
/// yuan a funds resource gives (its amount when matched), so that Funding records the gift when the order is accepted without
/// reading Resources; null for a service resource and for agreements stored before it existed.
/// </summary>
public sealed record ProjectAgreement(
    string Id, string ResourceId, string UnitId, string By, DateTimeOffset At, decimal? FundsAmount = null);
