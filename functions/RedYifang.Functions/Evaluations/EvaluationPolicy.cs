using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evaluations;

/// <summary>Who may write and read two-way evaluations: every evaluation rule about people, in one place.</summary>
public static class EvaluationPolicy
{
    /// <summary>Acting for the evaluator: an admin of it or above it, or, for a unit or volunteer team, its liaison.</summary>
    public static bool MayActFor(Caller caller, IReadOnlyList<string> evaluatorPath) => caller.ActsFor(evaluatorPath);

    /// <summary>
    /// Writing this evaluation: acting for the evaluator — but never, when a unit evaluates a street or community above it, as an
    /// admin of that street or community (or above it): nobody grades their own organisation in a unit's name.
    /// </summary>
    public static bool MayEvaluate(Caller caller, IReadOnlyList<string> evaluatorPath, IReadOnlyList<string> subjectPath)
    {
        var upward = evaluatorPath.Take(evaluatorPath.Count - 1).Contains(subjectPath[^1]);
        return caller.ActsFor(evaluatorPath) && !(upward && caller.IsAdminOf(subjectPath));
    }

    /// <summary>What an organisation received (count and mean, after the window): whoever acts for it.</summary>
    public static bool MayReadReceived(Caller caller, IReadOnlyList<string> subjectPath) => caller.ActsFor(subjectPath);

    /// <summary>
    /// The individual evaluations of an organisation: admins above it only (a community's for its units, the street's, the
    /// district's). Its own admins and liaisons are refused: they see the count and mean.
    /// </summary>
    public static bool MayListAbout(Caller caller, IReadOnlyList<string> subjectPath) =>
        caller.IsAdminOf([.. subjectPath.Take(subjectPath.Count - 1)]);

    /// <summary>The evaluations an organisation gave: whoever acts for it (each entry still passes <see cref="MaySeeGiven"/>).</summary>
    public static bool MayListGiven(Caller caller, IReadOnlyList<string> evaluatorPath) => caller.ActsFor(evaluatorPath);

    /// <summary>
    /// One entry of a given list: hidden from the subject's own admins (a community admin acting for a unit under it does not read
    /// the unit's evaluation of the community), shown to everyone else who may list it.
    /// </summary>
    public static bool MaySeeGiven(Caller caller, IReadOnlyList<string> subjectPath) =>
        !caller.IsAdminOf(subjectPath) || MayListAbout(caller, subjectPath);
}
