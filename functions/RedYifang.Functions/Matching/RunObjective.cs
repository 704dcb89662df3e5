namespace RedYifang.Functions.Matching;

/// <summary>What a run reached: orders in scope, served (in all and by urgency), the total score and the exact objective value.</summary>
public sealed record RunObjective(int Orders, int Served, int ServedHigh, int ServedNormal, int ServedLow, double TotalScore, string Value);
