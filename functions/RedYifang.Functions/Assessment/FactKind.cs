namespace RedYifang.Functions.Assessment;

public enum FactKind
{
    Published,
    Matched,
    Accepted,
    Rated,

    /// <summary>Expired or cancelled after publishing (the community's); cancelled after matching also counts against the unit.</summary>
    Lapsed,

    /// <summary>Sent back after the unit reported it complete (验收 refused): counts against the unit.</summary>
    Reopened,
}
