using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Resources;

/// <summary>Who may do what with a unit's resources.</summary>
public static class ResourcePolicy
{
    /// <summary>Creating and changing a unit's resources: the unit's liaison, or an admin above the unit.</summary>
    public static bool MayChange(Caller caller, IReadOnlyList<string> unitPath) => caller.ActsFor(unitPath);
}
