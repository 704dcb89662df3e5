using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Orders' part in content security (<see cref="IModerated"/>): an order's title and description, its rating's comment and its
/// follow-up's comment, as content held for the community's admins, and their decision written onto the order (ConcurrentUpdate:
/// the order may change meanwhile; the decision merges with whatever it has, <see cref="Screening.Merge"/>). A decision that
/// changes the text's state raises <see cref="OrderEvent.Moderated"/> in the same write (<c>order.moderated</c>).
/// </summary>
public sealed class OrderModeration(OrderStore orders) : IModerated
{
    public IReadOnlyList<ContentKind> Kinds => [ContentKind.OrderText, ContentKind.RatingComment, ContentKind.FollowUpComment];

    /// <summary>The order's text, written by whoever submitted it (the first step of its history).</summary>
    public static IEnumerable<HeldContent> TextOf(Order o) => o.Moderation is { } screening
        ? [new HeldContent(ContentKind.OrderText, o.Id, o.Id, o.CommunityId, o.CommunityPath, o.History[0].By,
            $"{o.Title}\n{o.Description}", screening, o.CreatedAt)]
        : [];

    /// <summary>The rating's comment, written by whoever rated (the step the rating added).</summary>
    public static IEnumerable<HeldContent> CommentOf(Order o, Rating rating) =>
        rating is { Comment: { } comment, Moderation: { } screening }
        ? [new HeldContent(ContentKind.RatingComment, o.Id, o.Id, o.CommunityId, o.CommunityPath, o.History[^1].By, comment, screening,
            rating.At)]
        : [];

    /// <summary>The follow-up's comment, written by the resident who answered.</summary>
    public static IEnumerable<HeldContent> FollowUpCommentOf(Order o) =>
        o.FollowUp is { Comment: { } comment, Moderation: { } screening } followUp
        ? [new HeldContent(ContentKind.FollowUpComment, o.Id, o.Id, o.CommunityId, o.CommunityPath, followUp.By, comment, screening,
            followUp.At)]
        : [];

    public Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct) =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            if (await orders.FindAsync(ownerKey, token) is not { } stored) return;
            if (Decide(stored.Order, kind, screening) is not { } change) return;
            try
            {
                await orders.UpdateAsync(stored, change, token);
            }
            catch (ConflictException)
            {
                throw ConcurrentUpdate.LostRace();
            }
        }, ct).AsTask();

    /// <summary>
    /// The order with the screening merged into the text of <paramref name="kind"/> (<see cref="Screening.Merge"/>), raising
    /// <see cref="OrderEvent.Moderated"/> only when the text's state changes; null when nothing changes (the same decision again,
    /// a text no longer there).
    /// </summary>
    public static OrderChange? Decide(Order order, ContentKind kind, Screening screening)
    {
        var (there, before) = kind switch
        {
            ContentKind.OrderText => (true, order.Moderation),
            ContentKind.RatingComment => (order.Rating is not null, order.Rating?.Moderation),
            _ => (order.FollowUp is not null, order.FollowUp?.Moderation),
        };
        if (!there || Screening.Apply(before, screening) is not var (merged, moved)) return null;
        var after = kind switch
        {
            ContentKind.OrderText => order with { Moderation = merged },
            ContentKind.RatingComment => order with { Rating = order.Rating! with { Moderation = merged } },
            _ => order with { FollowUp = order.FollowUp! with { Moderation = merged } },
        };
        return new OrderChange(after, moved ? [new OrderEvent.Moderated(after, kind, before, merged)] : []);
    }
}
