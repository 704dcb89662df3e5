namespace RedYifang.Functions.Agreements;

/// <summary>An agreement after an action, and the events the action caused (written with it, in one transaction).</summary>
public sealed record AgreementChange(Agreement Agreement, IReadOnlyList<AgreementEvent> Events)
{
    /// <summary>This change followed by another applied to its result.</summary>
    public AgreementChange Then(Func<Agreement, AgreementChange> next)
    {
        var change = next(Agreement);
        return new AgreementChange(change.Agreement, [.. Events, .. change.Events]);
    }
}
