namespace RedYifang.Functions.Orders;

/// <summary>
/// The resident an admin files an order for when they have no account (代办): their name and mobile number. Their phone is
/// masked for everyone but admins over the order's community (<see cref="OrderPolicy.SeesRepresentedPhone"/>).
/// </summary>
public sealed record RepresentedPerson(string Name, string Phone);
