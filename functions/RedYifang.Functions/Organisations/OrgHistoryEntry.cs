namespace RedYifang.Functions.Organisations;

/// <summary>
/// One edit of an organisation (<c>GET /v1/orgs/{id}/history</c>): who, when, and the figures before and after it. Written in
/// the transaction that makes the edit, so the history and the organisation never disagree; nothing ever removes an entry.
/// The counts in force at any instant are read from these (<see cref="PartyCountsFromHistory"/>).
/// </summary>
public sealed record OrgHistoryEntry(string Id, string OrgId, DateTimeOffset At, string By, OrgFigures Before, OrgFigures After)
{
    /// <summary>Each field the edit changed, with its old and new value.</summary>
    public IReadOnlyList<FieldChange> Changes =>
    [
        .. Before.Differences(After).Select(name => name switch
        {
            "name" => new FieldChange(name, Before.Name, After.Name),
            "address" => new FieldChange(name, Before.Address, After.Address),
            "partyBranches" => new FieldChange(name, Before.PartyBranches, After.PartyBranches),
            "partyMembers" => new FieldChange(name, Before.PartyMembers, After.PartyMembers),
            _ => new FieldChange(name, Before.Households, After.Households),
        }),
    ];

    /// <summary>A field's value before and after (a string or an integer, as the organisation's JSON has it).</summary>
    public sealed record FieldChange(string Field, object? From, object? To);
}
