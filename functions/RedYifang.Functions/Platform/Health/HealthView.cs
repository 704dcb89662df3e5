
namespace RedYifang.Functions.Platform.Health;

public sealed record HealthView(string Status, IReadOnlyDictionary<string, string> Checks);
