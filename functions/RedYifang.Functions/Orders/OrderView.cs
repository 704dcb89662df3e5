using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Orders;

/// <summary>An order as one caller may see it: the contact phone masked unless the caller needs it.</summary>
public sealed record OrderView(
    string Id, string CommunityId, string? GridId, OrderLevel Level, string Title, Category Category, string CategoryName,
    string Description, int Beneficiaries, Urgency Urgency, DateTimeOffset? PreferredFrom, DateTimeOffset? PreferredTo,
    string? ContactPhone, string OwnerId, OrderState State, IReadOnlyList<HistoryEntry> History, IReadOnlyList<OrderClaim> Claims,
    string? ResourceId, string? UnitId, ProjectAgreement? Agreement, Completion? Completion, Rating? Rating,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrderView For(Caller caller, Order o) => new(o.Id, o.CommunityId, o.GridId, o.Level, o.Title, o.Category,
        o.Category.Chinese(), o.Description, o.Beneficiaries, o.Urgency, o.PreferredFrom, o.PreferredTo,
        o.ContactPhone is { } phone && !OrderPolicy.SeesContact(caller, o) ? PhoneMask.Mask(phone) : o.ContactPhone,
        o.OwnerId, o.State, o.History, o.Claims, o.Agreement?.ResourceId, o.UnitId, o.Agreement, o.Completion, o.Rating,
        o.CreatedAt, o.UpdatedAt);
}
