using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace RedYifang.LocalHost;

/// <summary>Reads <c>local.settings.json</c>'s <c>Values</c> the way Core Tools does ("A__B" means "A:B").</summary>
public static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path)) return builder;
        using var doc = JsonDocument.Parse(
            File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>();
        if (doc.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":")] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }
        return builder.AddInMemoryCollection(values);
    }
}
