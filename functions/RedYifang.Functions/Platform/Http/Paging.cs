using System.Text;
using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

/// <summary>?limit= (1–100, default 20) and an opaque ?continuationToken=.</summary>
public sealed record Paging(int Limit, string? StorageToken)
{
    public static Paging From(HttpRequest request)
    {
        var validator = new Validator();
        var limit = 20;
        var rawLimit = request.Query["limit"].ToString();
        if (rawLimit.Length > 0 && (!AsciiNumber.TryParse(rawLimit, 3, out limit) || limit is < 1 or > 100))
        {
            validator.Add("limit", new("取值范围为 1–100", "must be between 1 and 100"));
        }
        string? token = null;
        var rawToken = request.Query["continuationToken"].ToString();
        if (rawToken.Length > 0 && (token = Decode(rawToken)) is null)
        {
            validator.Add("continuationToken", new("无效的分页令牌", "is not a valid continuation token"));
        }
        validator.ThrowIfInvalid();
        return new Paging(limit, token);
    }

    /// <summary>The page after one a store returned (its token as the client would send it back).</summary>
    public static Paging After(int limit, string? clientToken) => new(limit, clientToken is null ? null : Decode(clientToken));

    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.Encode(Encoding.UTF8.GetBytes(storageToken));

    /// <summary>
    /// The storage token a client's token stands for, or null when this app cannot have issued it. Storage hands out its
    /// tokens as HTTP header values (ASCII, a space between the partition and row key), short for the app's keys (ids and
    /// short prefixes, well under <see cref="MaxStorageToken"/>); anything else is refused here rather than sent on as a
    /// storage header, where a long or non-ASCII one failed the request with a 500 (431 from storage; found by the fuzz tier).
    /// </summary>
    private static string? Decode(string token)
    {
        if (token.Length > ((MaxStorageToken + 2) / 3 * 4) + 4) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.Decode(token));
        }
        catch (FormatException)
        {
            return null;
        }
        return decoded.Length is > 0 and <= MaxStorageToken && decoded.All(c => c is >= ' ' and <= '~') ? decoded : null;
    }

    private const int MaxStorageToken = 1024;
}
