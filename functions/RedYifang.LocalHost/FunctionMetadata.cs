using System.Text.Json;
using System.Text.Json.Serialization;

namespace RedYifang.LocalHost;

/// <summary>One entry of <c>functions.metadata</c>, as the Worker SDK writes it at build time.</summary>
public sealed class FunctionMetadata
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("scriptFile")] public string ScriptFile { get; set; } = "";
    [JsonPropertyName("entryPoint")] public string EntryPoint { get; set; } = "";
    [JsonPropertyName("bindings")] public List<BindingMetadata> Bindings { get; set; } = [];

    public BindingMetadata Trigger =>
        Bindings.SingleOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Function {Name} has no trigger binding.");

    public static IReadOnlyList<FunctionMetadata> Load(string path) =>
        JsonSerializer.Deserialize<List<FunctionMetadata>>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} holds no functions.");
}

public sealed class BindingMetadata
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("direction")] public string Direction { get; set; } = "";
    [JsonPropertyName("authLevel")] public string? AuthLevel { get; set; }
    [JsonPropertyName("methods")] public List<string>? Methods { get; set; }
    [JsonPropertyName("route")] public string? Route { get; set; }
    [JsonPropertyName("queueName")] public string? QueueName { get; set; }
    [JsonPropertyName("connection")] public string? Connection { get; set; }
    [JsonPropertyName("schedule")] public string? Schedule { get; set; }
    [JsonPropertyName("runOnStartup")] public bool RunOnStartup { get; set; }
}
