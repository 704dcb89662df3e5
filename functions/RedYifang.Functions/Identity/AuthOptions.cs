using System.ComponentModel.DataAnnotations;
using RedYifang.Functions.Platform;

namespace RedYifang.Functions.Identity;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC key for access tokens, at least 32 characters. Key Vault in Azure; never in the repo.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "redyifang";

    [Required]
    public string Audience { get; set; } = "redyifang-api";

    [TimeSpanRange("00:05:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Enables <c>POST /v1/auth/dev</c> (sign in by open id without WeChat). Never in Azure.</summary>
    public bool DevLogin { get; set; }

    /// <summary>Open ids that are district admins over every organisation, separated by ',' or ';'.</summary>
    public string BootstrapAdmins { get; set; } = "";

    public IReadOnlyList<string> BootstrapAdminOpenIds =>
        BootstrapAdmins.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
