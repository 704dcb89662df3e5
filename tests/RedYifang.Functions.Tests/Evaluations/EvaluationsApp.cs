using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.Functions.Tests.Evaluations;

/// <summary>
/// The evaluations slice's app: a slice app whose clock a test sets (<see cref="Clock"/>), since what it checks happens at
/// instants the real clock does not stand at — the first tick of a window, the day after its close, the night run after that.
/// Access tokens are checked against the same clock, so a test signs in again after moving it (<see cref="At"/>).
/// </summary>
public sealed class EvaluationsApp : SliceApp
{
    public const string Collection = "evaluations";

    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Sets the clock and returns a client of the app that signs in afresh (its tokens issued at that instant).</summary>
    public ApiClient At(DateTimeOffset now)
    {
        Clock.Now = now;
        return new ApiClient(App.BaseAddress);
    }

    /// <summary>An instant in China Standard Time.</summary>
    public static DateTimeOffset China(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));
}

/// <summary>A clock that stands where it was set, forwards or back.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

[CollectionDefinition(EvaluationsApp.Collection)]
public sealed class EvaluationsSlice : ICollectionFixture<EvaluationsApp>;
