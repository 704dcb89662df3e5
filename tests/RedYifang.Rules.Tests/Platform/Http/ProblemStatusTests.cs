using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Platform.Http;

/// <summary>The one table from domain refusals to HTTP statuses.</summary>
public sealed class ProblemStatusTests
{
    [Fact]
    public void A_method_not_allowed_is_405_with_its_allow_header_and_a_body_of_another_type_415()
    {
        var notAllowed = new MethodNotAllowedException("method_not_allowed", new("标题", "Title"), ["GET", "POST"]);
        Assert.Equal((405, "GET, POST"), (ProblemStatus.Of(notAllowed), Problem.Of(notAllowed).Headers["Allow"]));
        Assert.Equal(415, ProblemStatus.Of(new UnsupportedMediaTypeException("unsupported_media_type", new("标题", "Title"))));
    }

    [Fact]
    public void Every_domain_exception_type_has_exactly_one_status()
    {
        var types = typeof(DomainException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DomainException)) && !t.IsAbstract)
            .OrderBy(t => t.Name)
            .ToList();
        Assert.Equal(16, types.Count);
        Assert.Equal(types.Select(t => t.Name), ProblemStatus.Table.Keys.OrderBy(t => t.Name).Select(t => t.Name));
    }

    [Theory]
    [InlineData(typeof(ValidationFailedException), 400)]
    [InlineData(typeof(MalformedRequestException), 400)]
    [InlineData(typeof(UnauthenticatedException), 401)]
    [InlineData(typeof(ForbiddenException), 403)]
    [InlineData(typeof(NotFoundException), 404)]
    [InlineData(typeof(InvalidTransitionException), 409)]
    [InlineData(typeof(ConflictException), 409)]
    [InlineData(typeof(CapacityExhaustedException), 409)]
    [InlineData(typeof(PreconditionFailedException), 412)]
    [InlineData(typeof(PayloadTooLargeException), 413)]
    [InlineData(typeof(RuleViolationException), 422)]
    [InlineData(typeof(TooManyRequestsException), 429)]
    [InlineData(typeof(UpstreamFailedException), 502)]
    [InlineData(typeof(UnavailableException), 503)]
    public void Maps_each_type_to_its_status(Type type, int status)
    {
        var exception = (DomainException)Activator.CreateInstance(type, "code", new LocalizedText("标题", "Title"), null, null)!;
        Assert.Equal(status, ProblemStatus.Of(exception));
    }

    [Fact]
    public void Headers_come_from_the_type_and_the_wait()
    {
        Assert.Equal("Bearer", Problem.Of(Problems.Unauthenticated()).Headers["WWW-Authenticate"]);
        var limited = new TooManyRequestsException("x", new("标题", "Title")) { RetryAfter = TimeSpan.FromMilliseconds(1500) };
        Assert.Equal("2", Problem.Of(limited).Headers["Retry-After"]);
        Assert.Empty(Problem.Of(Problems.Forbidden()).Headers);
    }
}
