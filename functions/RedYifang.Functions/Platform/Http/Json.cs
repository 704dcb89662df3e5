using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RedYifang.Functions.Platform.Http;

public static class Json
{
    /// <summary>camelCase, enums as camelCase strings, Chinese text left readable (not \u-escaped).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // The web defaults read "1" as a number; a number must be a JSON number (issue 14: strict input).
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
