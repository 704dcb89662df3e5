using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>
/// An order as one caller may see it: the contact phone masked unless the caller needs it; a title, description, rating comment
/// or follow-up comment held for review or hidden shown to its author (the owner, whoever filed it) and admins over the community,
/// and stood in for to everyone else (ContentSecurity/ContentVisibility.cs) — the follow-up's comment in the history's reason too.
/// </summary>
public sealed record OrderView
{
    public required string Id { get; init; }
    public required string CommunityId { get; init; }
    public string? GridId { get; init; }
    public required OrderLevel Level { get; init; }
    public required string Title { get; init; }
    public required Category Category { get; init; }
    public required string CategoryName { get; init; }
    public required string Description { get; init; }
    public required int Beneficiaries { get; init; }
    public required Urgency Urgency { get; init; }
    public DateTimeOffset? PreferredFrom { get; init; }
    public DateTimeOffset? PreferredTo { get; init; }
    public string? ContactPhone { get; init; }
    public Screening? Moderation { get; init; }
    public string? OwnerId { get; init; }
    public string? FiledBy { get; init; }
    public RepresentedPerson? Represented { get; init; }
    public required OrderState State { get; init; }
    public required IReadOnlyList<HistoryEntry> History { get; init; }
    public required IReadOnlyList<OrderClaim> Claims { get; init; }
    public string? ResourceId { get; init; }
    public string? UnitId { get; init; }
    public ProjectAgreement? Agreement { get; init; }
    public Completion? Completion { get; init; }
    public Rating? Rating { get; init; }
    public OrderFollowUp? FollowUp { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static OrderView For(Caller caller, Order o)
    {
        var isAuthor = caller.UserId == o.OwnerId || caller.UserId == o.FiledBy;
        var isAdmin = caller.IsAdminOf(o.CommunityPath);
        var view = Of(caller, o) with
        {
            Title = ContentVisibility.Text(o.Title, o.Moderation, isAuthor, isAdmin),
            Description = ContentVisibility.Text(o.Description, o.Moderation, isAuthor, isAdmin),
            Rating = o.Rating is { Comment: { } comment } rating
                ? rating with { Comment = ContentVisibility.Text(comment, rating.Moderation, caller.UserId == o.OwnerId, isAdmin) }
                : o.Rating,
        };
        return o.FollowUp is { Comment: not null, Moderation: { } held } followUp
            && !ContentVisibility.ShowsText(held, caller.UserId == followUp.By, isAdmin)
            ? WithheldFollowUp(view, followUp, ContentVisibility.Withheld(held))
            : view;
    }

    /// <summary>
    /// The follow-up's comment stood in for: on the follow-up, and in the reason of the step it reopened the order with (the step
    /// the resident took at the follow-up's instant, the reason made of the comment).
    /// </summary>
    private static OrderView WithheldFollowUp(OrderView view, OrderFollowUp followUp, string standIn)
    {
        var said = OrderFollowUp.ReopenReason(followUp.Comment);
        return view with
        {
            FollowUp = followUp with { Comment = standIn },
            History = [.. view.History.Select(h => h.By == followUp.By && h.At == followUp.At && h.Reason == said
                ? h with { Reason = OrderFollowUp.ReopenReason(standIn) }
                : h)],
        };
    }

    private static OrderView Of(Caller caller, Order o) => new()
    {
        Id = o.Id, CommunityId = o.CommunityId, GridId = o.GridId, Level = o.Level, Title = o.Title, Category = o.Category,
        CategoryName = o.Category.Chinese(), Description = o.Description, Beneficiaries = o.Beneficiaries, Urgency = o.Urgency,
        PreferredFrom = o.PreferredFrom, PreferredTo = o.PreferredTo, Moderation = o.Moderation,
        ContactPhone = o.ContactPhone is { } phone && !OrderPolicy.SeesContact(caller, o) ? PhoneMask.Mask(phone) : o.ContactPhone,
        OwnerId = o.OwnerId, FiledBy = o.FiledBy,
        Represented = o.Represented is { } r && !OrderPolicy.SeesRepresentedPhone(caller, o)
            ? r with { Phone = PhoneMask.Mask(r.Phone) }
            : o.Represented,
        State = o.State, History = o.History, Claims = o.Claims, ResourceId = o.Agreement?.ResourceId, UnitId = o
            .UnitId,
        Agreement = o.Agreement, Completion = o.Completion, Rating = o.Rating, FollowUp = o.FollowUp, CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
    };
}
