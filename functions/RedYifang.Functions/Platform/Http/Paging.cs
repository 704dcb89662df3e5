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

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.Decode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
