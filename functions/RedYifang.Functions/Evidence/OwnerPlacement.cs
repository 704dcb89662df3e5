namespace RedYifang.Functions.Evidence;

/// <summary>Where a piece of evidence belongs: the scope that may see it and the organisation whose trace archive holds it.</summary>
public sealed record OwnerPlacement(IReadOnlyList<string> ScopePath, string ChainOrgId, IReadOnlyList<string> ChainOrgPath);
