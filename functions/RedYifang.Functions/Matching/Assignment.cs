namespace RedYifang.Functions.Matching;

/// <summary>An assignment: the resource each order takes (-1: not served) and the objective it reaches.</summary>
public sealed record Assignment(int[] ResourceOf, long Objective, int Served, int[] ServedByTier, long TotalScore);
