using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RedYifang.Testing;

/// <summary>
/// docs/events.md as data: each type's section (a heading <c>### `type` · version N</c>), its field table (rows
/// <c>| `field` | type | meaning |</c>) and its example (the first <c>```json</c> block after the heading). The Rules tier holds it
/// to the catalogue in code, the wire tests hold what arrives on the AMQP peer to it.
/// </summary>
public sealed partial class EventCatalogueDoc
{
    public sealed record Field(string Name, string Type)
    {
        public bool Nullable => Type.EndsWith(" or null", StringComparison.Ordinal);

        /// <summary>The type without "or null": string, date, date-time, integer, number, boolean, array of …, object.</summary>
        public string BaseType => Nullable ? Type[..^" or null".Length] : Type;

        /// <summary>Why <paramref name="value"/> does not fit the documented type, or null when it does.</summary>
        public string? Misfit(JsonNode? value)
        {
            if (value is null) return Nullable ? null : $"{Name} is null, documented as {Type}";
            var kind = value.GetValueKind();
            var fits = BaseType switch
            {
                "string" => kind == JsonValueKind.String,
                "date" => kind == JsonValueKind.String && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", out _),
                "date-time" => kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(),
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "integer" => kind == JsonValueKind.Number && value.GetValue<decimal>() == decimal.Truncate(value.GetValue<decimal>()),
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "object" => kind == JsonValueKind.Object,
                "array of string" => kind == JsonValueKind.Array && value.AsArray().All(i => i?.GetValueKind() == JsonValueKind.String),
                "array of object" => kind == JsonValueKind.Array && value.AsArray().All(i => i?.GetValueKind() == JsonValueKind.Object),
                _ => throw new InvalidDataException($"docs/events.md: {Name} has an unknown type '{Type}'."),
            };
            return fits ? null : $"{Name} is {value.ToJsonString()}, documented as {Type}";
        }
    }

    public sealed record Section(string Type, int Version, IReadOnlyList<Field> Fields, JsonObject? Example)
    {
        /// <summary>What is wrong with <paramref name="data"/> against this section: other fields, or values of other types.</summary>
        public IReadOnlyList<string> Misfits(JsonObject data)
        {
            var problems = new List<string>();
            var names = data.Select(p => p.Key).ToList();
            var documented = Fields.Select(f => f.Name).ToList();
            if (!names.SequenceEqual(documented))
            {
                problems.Add($"{Type}: fields [{string.Join(", ", names)}], documented [{string.Join(", ", documented)}]");
            }
            problems.AddRange(Fields.Where(f => data.ContainsKey(f.Name)).Select(f => f.Misfit(data[f.Name])).OfType<string>()
                .Select(p => $"{Type}: {p}"));
            return problems;
        }
    }

    public IReadOnlyDictionary<string, Section> Sections { get; }

    private EventCatalogueDoc(IReadOnlyDictionary<string, Section> sections) => Sections = sections;

    public static string DefaultPath => Path.Combine(FunctionsHost.RepositoryRoot(), "docs", "events.md");

    private static readonly Lazy<EventCatalogueDoc> Repository = new(() => Parse(File.ReadAllText(DefaultPath)));

    /// <summary>The repository's docs/events.md.</summary>
    public static EventCatalogueDoc Current => Repository.Value;

    public static EventCatalogueDoc Parse(string markdown)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = Heading().Match(lines[i]);
            if (!heading.Success) continue;
            var type = heading.Groups["type"].Value;
            var fields = new List<Field>();
            JsonObject? example = null;
            var j = i + 1;
            for (; j < lines.Count && !lines[j].StartsWith("#", StringComparison.Ordinal); j++)
            {
                if (FieldRow().Match(lines[j]) is { Success: true } row)
                {
                    fields.Add(new Field(row.Groups["name"].Value, row.Groups["type"].Value.Trim()));
                }
                if (lines[j] == "```json" && example is null)
                {
                    var end = lines.FindIndex(j + 1, l => l == "```");
                    example = JsonNode.Parse(string.Join('\n', lines.Skip(j + 1).Take(end - j - 1)))!.AsObject();
                    j = end;
                }
            }
            if (!sections.TryAdd(type, new Section(type, int.Parse(heading.Groups["version"].Value), fields, example)))
            {
                throw new InvalidDataException($"docs/events.md documents {type} twice.");
            }
            i = j - 1;
        }
        return new EventCatalogueDoc(sections);
    }

    [GeneratedRegex(@"^### `(?<type>[A-Za-z]+\.[A-Za-z]+)` · version (?<version>\d+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z0-9]+)` \| (?<type>[^|]+) \|")]
    private static partial Regex FieldRow();
}
