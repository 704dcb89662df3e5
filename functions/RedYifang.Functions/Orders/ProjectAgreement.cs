namespace RedYifang.Functions.Orders;

/// <summary>The project agreement (项目意见书) a match creates between the order and a unit's resource.</summary>
public sealed record ProjectAgreement(string Id, string ResourceId, string UnitId, string By, DateTimeOffset At);
