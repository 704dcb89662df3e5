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
            var order = stored.Order;
            var (there, before) = kind switch
            {
                ContentKind.OrderText => (true, order.Moderation),
                ContentKind.RatingComment => (order.Rating is not null, order.Rating?.Moderation),
                _ => (order.FollowUp is not null, order.FollowUp?.Moderation),
            };
            if (!there) return;
            var merged = Screening.Merge(before, screening);
            if (merged is null || merged == before) return;
            var after = kind switch
            {
                ContentKind.OrderText => order with { Moderation = merged },
                ContentKind.RatingComment => order with { Rating = order.Rating! with { Moderation = merged } },
                _ => order with { FollowUp = order.FollowUp! with { Moderation = merged } },
            };
            List<OrderEvent> events = merged.State != before?.State ? [new OrderEvent.Moderated(after, kind, before, merged)] : [];
            try
            {
                await orders.UpdateAsync(stored, new OrderChange(after, events), token);
            }
            catch (ConflictException)
            {
                throw ConcurrentUpdate.LostRace();
            }
        }, ct).AsTask();
}
