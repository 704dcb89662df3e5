namespace RedYifang.Functions.Agreements;

/// <summary>One step of an agreement's history: what was done, from which state to which, by whom, when and why.</summary>
public sealed record AgreementStep(
    AgreementAction Action,
    AgreementState? From,
    AgreementState To,
    string By,
    DateTimeOffset At,
    string? Reason);
