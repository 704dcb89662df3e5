using System.ComponentModel.DataAnnotations;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Identity.WeChat;

namespace RedYifang.Rules.Tests.Identity;

public sealed class WeChatWebRulesTests
{
    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("AZaz09-_AZaz09-_", true)]
    [InlineData("0123456789abcde", false)]
    [InlineData("0123456789abcdef/", false)]
    [InlineData("0123456789abcdef ", false)]
    [InlineData("0123456789abcdé0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_state_is_16_to_128_url_safe_characters(string? state, bool wellFormed) =>
        Assert.Equal(wellFormed, QrLoginState.IsWellFormed(state));

    [Fact]
    public void A_state_of_128_characters_is_the_longest() =>
        Assert.Equal((true, false), (QrLoginState.IsWellFormed(new string('a', 128)), QrLoginState.IsWellFormed(new string('a', 129))));

    private static List<string?> Errors(WeChatWebOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.ConvertAll(r => r.ErrorMessage);
    }

    [Fact]
    public void Unset_is_valid_and_off() =>
        Assert.Equal((0, false), (Errors(new WeChatWebOptions()).Count, new WeChatWebOptions().IsConfigured));

    [Fact]
    public void All_three_set_is_on() =>
        Assert.Equal((0, true), (Errors(Full()).Count, Full().IsConfigured));

    [Fact]
    public void Some_set_and_some_not_is_an_error()
    {
        var options = Full();
        options.AppSecret = "";
        Assert.Equal(["WeChatWeb needs AppId, AppSecret and RedirectUri together, or none of them."], Errors(options));
        Assert.False(options.IsConfigured);
    }

    [Theory]
    [InlineData("http://console.example.cn/console/")]
    [InlineData("/console/")]
    public void The_redirect_is_https_except_on_loopback(string uri)
    {
        var options = Full();
        options.RedirectUri = new Uri(uri, UriKind.RelativeOrAbsolute);
        Assert.Equal(["WeChatWeb:RedirectUri must be an absolute https URL (http only on loopback)."], Errors(options));
    }

    [Fact]
    public void Http_on_loopback_is_allowed_for_a_local_run()
    {
        var options = Full();
        options.RedirectUri = new Uri("http://localhost:7071/console/");
        Assert.Empty(Errors(options));
    }

    private static WeChatWebOptions Full() =>
        new() { AppId = "wx-web", AppSecret = "secret", RedirectUri = new Uri("https://console.example.cn/console/") };
}
