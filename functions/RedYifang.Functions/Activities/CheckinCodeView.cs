namespace RedYifang.Functions.Activities;

/// <summary>
/// The code to show now and when the next one replaces it (<see cref="CheckinCode"/>): a code scanned up to 30 s after
/// <see cref="ValidUntil"/> is still accepted.
/// </summary>
public sealed record CheckinCodeView(string Code, DateTimeOffset ValidUntil);
