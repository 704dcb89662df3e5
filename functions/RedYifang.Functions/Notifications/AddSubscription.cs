using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// The caller reports what <c>wx.requestSubscribeMessage</c> answered for one template: an accepting answer adds one message to
/// their quota of it (a one-time subscription is one message); "reject", "ban" and "filter" add nothing. An unknown template
/// is 422 and writes nothing.
/// </summary>
public sealed class AddSubscription(NotificationStore store, NotificationTemplates templates)
{
    public sealed record Request(string? TemplateKey, string? Accepted);

    /// <summary>The answers that subscribe (the alert and audio variants are accepting too).</summary>
    public static readonly IReadOnlyList<string> Accepting = ["accept", "acceptWithAudio", "acceptWithAlert"];

    public static readonly IReadOnlyList<string> Answers = [.. Accepting, "reject", "ban", "filter"];

    public async Task<SubscriptionView> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var (templateKey, adds) = Validate(request);
        var remaining = adds
            ? await store.AddQuotaAsync(caller.UserId, templateKey, ct)
            : (await store.QuotasAsync(caller.UserId, ct)).GetValueOrDefault(templateKey);
        return new SubscriptionView(templateKey, templates[templateKey].TemplateId, remaining);
    }

    /// <summary>The template and whether the answer subscribes: 400 for a missing or malformed field, 422 for an unknown template.</summary>
    public static (string TemplateKey, bool Adds) Validate(Request request)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(request.TemplateKey)) v.Add("templateKey", Validator.Required);
        if (string.IsNullOrWhiteSpace(request.Accepted)) v.Add("accepted", Validator.Required);
        else if (!Answers.Contains(request.Accepted))
        {
            v.Add("accepted", new LocalizedText("取值必须是以下之一：{0}", "must be one of: {0}").Format(string.Join(", ", Answers)));
        }
        v.ThrowIfInvalid();
        if (!TemplateKeys.All.Contains(request.TemplateKey!)) throw NotificationProblems.UnknownTemplate();
        return (request.TemplateKey!, Accepting.Contains(request.Accepted!));
    }
}
