using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace RedYifang.Functions.Platform.Console;

/// <summary>The built console's files, found by request path without ever leaving its folder.</summary>
public sealed class ConsoleFiles(IOptions<ConsoleOptions> options)
{
    public const string Index = "index.html";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
        [".json"] = "application/json; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly string _root = Path.GetFullPath(options.Value.Root ?? Path.Combine(AppContext.BaseDirectory, "console"))
        .TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    /// <summary>
    /// The file a request path names: a file of the console, index.html for a path of the single-page app (no file
    /// extension), null for anything else, including any path that is not plainly inside the folder.
    /// </summary>
    public ConsoleFile? Find(string? path)
    {
        path ??= "";
        if (!IsPlain(path)) return null;
        if (path.Length == 0 || path.EndsWith('/')) return Read(Index);
        return Read(path) ?? (Path.HasExtension(path) ? null : Read(Index));
    }

    /// <summary>
    /// Segments of ASCII letters, digits, '-', '_' and '.', none empty (but a trailing one) or starting with '.': no '..',
    /// no hidden file, no '\' or ':' or '%'.
    /// </summary>
    private static bool IsPlain(string path)
    {
        if (path.Length > 256) return false;
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length == 0 && i < segments.Length - 1) return false;
            if (s.Length > 0 && (s[0] == '.' || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))) return false;
        }
        return true;
    }

    private ConsoleFile? Read(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(full)) return null;
        var type = Types.GetValueOrDefault(Path.GetExtension(full), "application/octet-stream");
        return new ConsoleFile(relative, File.ReadAllBytes(full), type);
    }
}

/// <summary>A file of the console: its path under the console's folder, bytes and content type.</summary>
public sealed record ConsoleFile(string Path, byte[] Bytes, string ContentType)
{
    /// <summary>Vite names the files under assets/ by their content's hash: they never change, so they may be kept.</summary>
    public bool Immutable => Path.StartsWith("assets/", StringComparison.Ordinal);
}
