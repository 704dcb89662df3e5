using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Notifications;

/// <summary>A template as settings bind it, its field mapping parsed (checked at start: NotificationsRegistration).</summary>
public sealed record MessageTemplate(string Key, string TemplateId, string Page, IReadOnlyList<FieldMapping> Fields);

/// <summary>The templates of <see cref="NotificationOptions.Templates"/>, by key, read once.</summary>
public sealed class NotificationTemplates(IOptions<NotificationOptions> options)
{
    private readonly IReadOnlyDictionary<string, MessageTemplate> _templates = TemplateKeys.All.ToDictionary(k => k, k =>
    {
        var template = options.Value.Templates[k];
        return new MessageTemplate(k, template.TemplateId!, template.Page!, TemplateFields.Parse(template.Fields).Fields);
    });

    public MessageTemplate this[string key] => _templates[key];

    public IReadOnlyList<MessageTemplate> All => [.. TemplateKeys.All.Select(k => _templates[k])];
}
