using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

/// <summary>A boolean query parameter (<c>?mine=true</c>): absent or <c>false</c> is false, <c>true</c> is true, anything else 400.</summary>
public static class QueryFlag
{
    public static bool Read(HttpRequest request, string name)
    {
        switch (request.Query[name].ToString())
        {
            case "" or "false":
                return false;
            case "true":
                return true;
        }
        var v = new Validator();
        v.Add(name, new("须为 true 或 false", "must be true or false"));
        v.ThrowIfInvalid();
        return false;
    }
}
