using Microsoft.AspNetCore.Http;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Platform.Http;

public sealed class RequestLanguageTests
{
    [Theory]
    [InlineData(null, Language.Chinese)]
    [InlineData("", Language.Chinese)]
    [InlineData("en", Language.English)]
    [InlineData("en-US,en;q=0.9", Language.English)]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", Language.Chinese)]
    [InlineData("en;q=0.5,zh;q=0.9", Language.Chinese)]
    [InlineData("fr-FR,en;q=0.5", Language.English)]
    [InlineData("fr-FR", Language.Chinese)]
    [InlineData("en;q=0", Language.Chinese)]
    public void Picks_English_only_when_preferred_over_Chinese(string? header, Language expected)
    {
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers.AcceptLanguage = header;
        Assert.Equal(expected, RequestLanguage.Of(context.Request));
    }
}
