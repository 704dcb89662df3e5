using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

public static class RequestLanguage
{
    /// <summary>English when the caller prefers it over Chinese in Accept-Language; Chinese otherwise.</summary>
    public static Language Of(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            return Language.Chinese;
        }
        var best = languages
            .Where(l => l.Quality is null or > 0)
            .Select((l, index) => (tag: l.Value.Value ?? "", quality: l.Quality ?? 1, index))
            .Where(l => IsTag(l.tag, "en") || IsTag(l.tag, "zh"))
            .OrderByDescending(l => l.quality).ThenBy(l => l.index)
            .FirstOrDefault();
        return IsTag(best.tag ?? "", "en") ? Language.English : Language.Chinese;
    }

    private static bool IsTag(string tag, string primary) =>
        tag.Equals(primary, StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith(primary + "-", StringComparison.OrdinalIgnoreCase);
}
