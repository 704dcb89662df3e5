namespace RedYifang.Functions.Alliances;

/// <summary>A unit's standing in an alliance (<see cref="MemberLifecycle"/>).</summary>
public enum MemberState
{
    /// <summary>Invited by the street's admins; not a member until the unit accepts.</summary>
    Invited,

    /// <summary>A member unit (在盟单位).</summary>
    Active,

    Declined,
    Left,
}
