namespace RedYifang.Functions.Agreements;

/// <summary>Where a co-building agreement (共驻共建协议书) stands (<see cref="AgreementLifecycle"/>).</summary>
public enum AgreementState
{
    /// <summary>Written, awaiting the party organisation's signature and the unit's countersignature (either may come first).</summary>
    Draft,

    /// <summary>Signed by both: its commitments are in force for its term.</summary>
    Active,

    /// <summary>Ended early by the party organisation, with a reason.</summary>
    Terminated,

    /// <summary>Its term is over (the agreements timer).</summary>
    Expired,
}
