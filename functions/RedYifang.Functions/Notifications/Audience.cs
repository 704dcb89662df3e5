namespace RedYifang.Functions.Notifications;

/// <summary>Whom a notification goes to, relative to the order.</summary>
public enum Audience
{
    /// <summary>The resident the order is for (<c>Order.OwnerId</c>): never the admin who filed it for them; none for a represented resident.</summary>
    Owner,

    /// <summary>The liaisons (联络员) of the unit that holds the order (or held it, for a decline).</summary>
    UnitLiaisons,

    /// <summary>The community admins of the order's community (granted at the community itself).</summary>
    CommunityAdmins,
}
