namespace RedYifang.Testing;

/// <summary>
/// The app's settings for a test run (as configuration keys, "Section:Name"): a private Azurite, the loopback WeChat,
/// a fresh signing key, dev sign-in, one bootstrap admin, and the timer schedules the deployment sets.
/// </summary>
public static class TestSettings
{
    public static Dictionary<string, string?> For(Azurite storage, FakeWeChat weChat, string bootstrapAdmin)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Auth:DevLogin"] = "true",
            ["Auth:BootstrapAdmins"] = bootstrapAdmin,
            ["WeChat:ApiBaseUrl"] = weChat.BaseUrl.ToString(),
            ["WeChat:AppId"] = FakeWeChat.AppId,
            ["WeChat:AppSecret"] = weChat.AppSecret,
            ["WeChat:AttemptTimeout"] = "00:00:01",
            ["WeChat:RetryDelay"] = "00:00:00.010",
            ["WeChatPush:Token"] = weChat.PushToken,
            ["WeChatWeb:AppId"] = FakeWeChat.WebAppId,
            ["WeChatWeb:AppSecret"] = weChat.WebAppSecret,
            ["WeChatWeb:RedirectUri"] = "http://localhost:7071/console/",
            // Every test client signs in from one address, and a slice raises many orders and uploads as one user in one day:
            // the limits stay out of the way here, and the quota tests set the ones they check.
            ["Quotas:SignInsPerAddress"] = "1000000",
            ["Quotas:SignInsPerOpenId"] = "1000000",
            ["Quotas:OrdersPerResidentPerDay"] = "1000000",
            ["Quotas:PendingUploadTickets"] = "10000",
        };
        foreach (var (key, value) in TimerSchedules.Production) settings[key] = value;
        return settings;
    }
}
