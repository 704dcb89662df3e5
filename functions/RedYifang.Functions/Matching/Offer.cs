using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Matching;

/// <summary>What matching needs to know of a resource: itself, the capacity it has left this month and its unit's record.</summary>
public sealed record Offer(Resource Resource, int Remaining, UnitRecord Record);
