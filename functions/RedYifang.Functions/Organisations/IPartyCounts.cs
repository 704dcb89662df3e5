namespace RedYifang.Functions.Organisations;

/// <summary>
/// What other features ask Organisations about party counts (Funding's entitlements): the branches and members of these
/// organisations as they stood at an instant, answered from the edit history. Organisations answers from its own store; the
/// asking feature never reads it.
/// </summary>
public interface IPartyCounts
{
    /// <summary>
    /// The organisations under <paramref name="scopeId"/> of kind <paramref name="kind"/> that existed at
    /// <paramref name="at"/>, each with its counts in force then; an organisation registered later is left out.
    /// </summary>
    Task<IReadOnlyList<PartyCountsAt>> AsOfAsync(string scopeId, OrgKind kind, DateTimeOffset at, CancellationToken ct);
}

/// <summary>An organisation's party branches and members in force at an instant (null: never registered).</summary>
public sealed record PartyCountsAt(string OrgId, string Name, int? PartyBranches, int? PartyMembers);
