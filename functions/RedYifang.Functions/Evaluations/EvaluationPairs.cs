using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Evaluations;

/// <summary>
/// Who may evaluate whom (domain.md, 双向约束): a unit or volunteer team evaluates its street and its community (the street or
/// community it hangs under, directly or through the community); a street or community evaluates the units and volunteer teams
/// within it. No other pair.
/// </summary>
public static class EvaluationPairs
{
    public static bool Allowed(Org evaluator, Org subject) => IsUpward(evaluator, subject) || IsDownward(evaluator, subject);

    /// <summary>A unit or volunteer team evaluating a street or community above it.</summary>
    public static bool IsUpward(Org evaluator, Org subject) =>
        evaluator.Kind is OrgKind.Unit or OrgKind.VolunteerTeam
        && subject.Kind is OrgKind.Street or OrgKind.Community
        && evaluator.Path.Take(evaluator.Path.Count - 1).Contains(subject.Id);

    /// <summary>A street or community evaluating a unit or volunteer team within it.</summary>
    public static bool IsDownward(Org evaluator, Org subject) =>
        evaluator.Kind is OrgKind.Street or OrgKind.Community
        && subject.Kind is OrgKind.Unit or OrgKind.VolunteerTeam
        && subject.Path.Take(subject.Path.Count - 1).Contains(evaluator.Id);
}
