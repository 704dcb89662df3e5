namespace RedYifang.Functions.Agreements;

/// <summary>What was done to an agreement: each step of its history names one.</summary>
public enum AgreementAction
{
    Create,
    Sign,
    Countersign,
    Terminate,
    Expire,
}
