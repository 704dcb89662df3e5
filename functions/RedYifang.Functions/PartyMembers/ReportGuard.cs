using Azure;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A user's standing with one community: the state of their latest report there. One pending report per user and community,
/// and none once approved; a declined one leaves room for another (<see cref="ReportStore"/>'s <c>guard|…</c> row).
/// </summary>
public sealed record ReportGuard(string UserId, string ReportId, ReportState State, ETag ETag);
