namespace RedYifang.Functions.Matching;

/// <summary>
/// Orders × resources: each order may take one unit of one feasible resource's capacity. <see cref="Pairs"/>
/// lists the feasible pairs with their integer scores (0–<see cref="MaxScore"/>); <see cref="Tier"/> is each
/// order's urgency (0 low, 1 normal, 2 high).
/// </summary>
public sealed record AssignmentProblem(int[] Capacity, int[] Tier, IReadOnlyList<(int Order, int Resource, int Score)> Pairs)
{
    public const int MaxScore = 1000;
    public int Orders => Tier.Length;
    public int Resources => Capacity.Length;

    /// <summary>
    /// The value of serving an order through a pair. The weights make the objective lexicographic: first as many
    /// orders as possible, then as many urgent ones, then the highest total score.
    /// </summary>
    public (long PerOrder, long PerTier) Weights()
    {
        long perTier = ((long)Orders * MaxScore) + 1;
        long perOrder = (Orders * ((2 * perTier) + MaxScore)) + 1;
        return (perOrder, perTier);
    }

    public long Value(int order, int score)
    {
        var (perOrder, perTier) = Weights();
        return perOrder + (perTier * Tier[order]) + score;
    }
}
