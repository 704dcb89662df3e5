using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Identity.WeChat;

/// <summary>
/// The open platform's website app (网站应用) the console signs staff in with by QR code. All three settings empty: QR
/// sign-in is off (its routes answer 404); some set and some not is a configuration error found at start.
/// </summary>
public sealed class WeChatWebOptions : IValidatableObject
{
    public const string SectionName = "WeChatWeb";

    /// <summary>The website app's AppID (not the mini-program's).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The website app's AppSecret (Key Vault in Azure; never in the repo).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Where WeChat sends the browser back with the code: the console's address, under the authorised domain.</summary>
    public Uri? RedirectUri { get; set; }

    // Null as well as empty: an app setting set to nothing binds null.
    public bool IsConfigured => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppSecret) && RedirectUri is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var set = new[] { !string.IsNullOrEmpty(AppId), !string.IsNullOrEmpty(AppSecret), RedirectUri is not null };
        if (set.Any(s => s) && !set.All(s => s))
        {
            yield return new ValidationResult("WeChatWeb needs AppId, AppSecret and RedirectUri together, or none of them.");
        }
        if (RedirectUri is { } uri && !(uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)))
        {
            // WeChat only redirects to the registered domain; plain http is allowed for a loopback test run only.
            yield return new ValidationResult("WeChatWeb:RedirectUri must be an absolute https URL (http only on loopback).",
                [nameof(RedirectUri)]);
        }
    }
}
