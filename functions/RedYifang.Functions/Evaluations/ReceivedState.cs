namespace RedYifang.Functions.Evaluations;

/// <summary>What an organisation may know of the evaluations it received for a period (<see cref="BlindRules"/>).</summary>
public enum ReceivedState
{
    /// <summary>The period has not ended: nobody evaluates it yet.</summary>
    WindowNotOpen,

    /// <summary>Evaluations are being written: nothing is shown until the window closes.</summary>
    WindowOpen,

    /// <summary>Closed, with fewer than three evaluators: nothing is shown (not an error).</summary>
    NotEnoughEvaluations,

    /// <summary>Closed, with at least three: the count and the mean.</summary>
    Available,
}
