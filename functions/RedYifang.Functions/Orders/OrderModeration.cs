using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Orders' part in content security (<see cref="IModerated"/>): an order's title and description, and its rating's comment, as
/// content held for the community's admins, and their decision written onto the order (ConcurrentUpdate: the order may change
/// meanwhile; the decision merges with whatever it has, <see cref="Screening.Merge"/>).
/// </summary>
public sealed class OrderModeration(OrderStore orders) : IModerated
{
    public IReadOnlyList<ContentKind> Kinds => [ContentKind.OrderText, ContentKind.RatingComment];

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

    public Task ApplyAsync(ContentKind kind, string ownerKey, Screening screening, CancellationToken ct) =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            if (await orders.FindAsync(ownerKey, token) is not { } stored) return;
            var order = stored.Order;
            Order after;
            if (kind == ContentKind.OrderText)
            {
                var merged = Screening.Merge(order.Moderation, screening);
                if (merged == order.Moderation) return;
                after = order with { Moderation = merged };
            }
            else
            {
                if (order.Rating is not { } rating) return;
                var merged = Screening.Merge(rating.Moderation, screening);
                if (merged == rating.Moderation) return;
                after = order with { Rating = rating with { Moderation = merged } };
            }
            try
            {
                await orders.UpdateAsync(stored, new OrderChange(after, []), token);
            }
            catch (ConflictException)
            {
                throw ConcurrentUpdate.LostRace();
            }
        }, ct).AsTask();
}
