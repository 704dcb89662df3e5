using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The agreement commitment an activity delivers (共驻共建协议书): the agreement, the commitment's index and its category
/// (what the delivery counts under when the activity closes with verified evidence).
/// </summary>
public sealed record AgreementLink(string AgreementId, int CommitmentIndex, Category Category);
