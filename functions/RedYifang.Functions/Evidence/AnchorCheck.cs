namespace RedYifang.Functions.Evidence;

/// <summary>Whether the chain still holds, at <see cref="Sequence"/>, the head hash that was published then.</summary>
public sealed record AnchorCheck(long Sequence, string Hash, bool Held);
