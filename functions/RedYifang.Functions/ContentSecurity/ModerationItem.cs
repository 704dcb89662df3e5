using System.Text.Json.Serialization;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// One entry of a community's moderation list: the content held (<see cref="Held"/>, with WeChat's screening), and once an admin
/// decided, the decision. Its id carries the organisation whose admins decide (<c>mod_{org}-{time}{hash}</c>), follows from
/// what it lists, so a message delivered twice lists it once, and sorts the list oldest first.
/// </summary>
public sealed record ModerationItem(string Id, HeldContent Held, Screening? Decision = null)
{
    [JsonIgnore]
    public bool Open => Decision is null;

    public static string IdFor(HeldContent held)
    {
        var org = held.ScopeOrgId[(held.ScopeOrgId.IndexOf('_') + 1)..];
        var hash = Keys.StableId("x", $"{held.Kind}|{held.OwnerKey}|{held.At.ToUnixTimeMilliseconds()}")[2..17];
        return $"mod_{org}-{held.At.ToUnixTimeMilliseconds():x11}{hash}";
    }

    public static string? OrgOf(string id) => Keys.ParentOf(id, "org");
}

/// <summary>A moderation list entry as admins see it: what is held, why, the text (a photo: open the evidence), the decision.</summary>
public sealed record ModerationItemView
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public required ContentKind Kind { get; init; }

    /// <summary>The order (its text or rating), evaluation or evidence item.</summary>
    public required string OwnerId { get; init; }
    public required string AuthorId { get; init; }
    public string? Text { get; init; }
    public required Screening Screening { get; init; }

    /// <summary>WeChat's label in Chinese (<c>screening.label</c> is its code), when it gave one.</summary>
    public string? LabelName { get; init; }
    public required DateTimeOffset HeldAt { get; init; }
    public Screening? Decision { get; init; }

    public static ModerationItemView Of(ModerationItem item) => new()
    {
        Id = item.Id, OrgId = item.Held.ScopeOrgId, Kind = item.Held.Kind, OwnerId = item.Held.OwnerId, AuthorId = item.Held.AuthorId,
        Text = item.Held.Text, Screening = item.Held.Screening,
        LabelName = item.Held.Screening.Label is { } label ? ContentLabels.Name(label).Zh : null,
        HeldAt = item.Held.At, Decision = item.Decision,
    };
}
