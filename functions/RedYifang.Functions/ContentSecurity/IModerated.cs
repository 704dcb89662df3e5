namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// What content security asks of the feature that owns screened content (that feature implements it and registers it): set the
/// record's screening — WeChat's verdict on a photo, an admin's decision — merged with what it has (<see cref="Screening.Merge"/>).
/// Content security never reads or writes another feature's store. Idempotent: a queue may deliver twice.
/// </summary>
public interface IModerated
{
    IReadOnlyList<ContentKind> Kinds { get; }

    /// <summary>Sets the screening of the content <paramref name="ownerKey"/> names; content no longer there is left alone.</summary>
    Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct);
}

/// <summary>The registered <see cref="IModerated"/> of each kind.</summary>
public sealed class ModeratedOwners(IEnumerable<IModerated> owners)
{
    private readonly IReadOnlyDictionary<ContentKind, IModerated> _byKind =
        owners.SelectMany(o => o.Kinds.Select(k => (k, o))).ToDictionary(p => p.k, p => p.o);

    public Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct) =>
        _byKind.TryGetValue(kind, out var owner)
            ? owner.ApplyAsync(kind, ownerKey, screening, ct)
            : throw new InvalidOperationException($"No feature registered IModerated for {kind}.");
}
