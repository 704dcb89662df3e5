using System.Reflection;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Platform.Http;

/// <summary>What the pipeline classifies is what the function threw, out of whatever wrappers the host put around it.</summary>
public sealed class ExceptionUnwrapTests
{
    private static readonly DomainException Thrown = Problems.NotFound("order");

    [Fact]
    public void The_workers_aggregate_exception_is_unwrapped() =>
        Assert.Same(Thrown, HttpPipeline.Unwrap(new AggregateException(Thrown)));

    [Fact]
    public void Nested_wrappers_are_unwrapped() =>
        Assert.Same(Thrown, HttpPipeline.Unwrap(new AggregateException(new TargetInvocationException(new AggregateException(Thrown)))));

    [Fact]
    public void An_aggregate_of_several_faults_is_left_as_it_is()
    {
        var several = new AggregateException(Thrown, new InvalidOperationException());
        Assert.Same(several, HttpPipeline.Unwrap(several));
    }

    [Fact]
    public void An_unwrapped_exception_is_itself() => Assert.Same(Thrown, HttpPipeline.Unwrap(Thrown));
}
