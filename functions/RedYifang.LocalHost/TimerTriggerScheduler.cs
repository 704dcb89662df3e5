using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace RedYifang.LocalHost;

/// <summary>
/// Runs a <c>timerTrigger</c> function on its NCRONTAB schedule (six fields with seconds, or five), in UTC as
/// the Functions host on Linux does, once at start when <c>runOnStartup</c> is set. A run that fails because storage does
/// not answer is tried again with back-off (<see cref="OutageLog"/>, logged once per outage) until it succeeds or its next
/// occurrence is due; any other failure waits for the next occurrence.
/// </summary>
public sealed partial class TimerTriggerScheduler(
    FunctionDescriptor function,
    string schedule,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    FunctionInvoker invoker,
    OutageLog outage,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    private readonly CrontabSchedule _schedule = Parse(schedule);

    public static CrontabSchedule Parse(string expression) =>
        CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions
        {
            IncludingSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6,
        });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? last = null;
        if (function.Trigger.RunOnStartup)
        {
            await RunAsync(last, "Timer fired at startup (runOnStartup).", stoppingToken);
            last = clock.GetUtcNow().UtcDateTime;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = _schedule.GetNextOccurrence(clock.GetUtcNow().UtcDateTime);
            var wait = next - clock.GetUtcNow().UtcDateTime;
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RunAsync(last, $"Timer fired at {next:O}.", stoppingToken);
            last = next;
        }
    }

    private async Task RunAsync(DateTime? last, string reason, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = _schedule.GetNextOccurrence(now);
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last ?? default, Next = next, LastUpdated = now },
        };
        var attempts = 0;
        try
        {
            // Retried while storage does not answer, until the next occurrence, which does the work anyway.
            await outage.WhileDownAsync(Work, async () =>
            {
                var retry = attempts++ == 0 ? "" : " (retried: storage did not answer)";
                await using var scope = scopes.CreateAsyncScope();
                await invoker.InvokeAsync(function, scope.ServiceProvider, reason + retry, parameter => parameter.ParameterType switch
                {
                    var t when t == typeof(TimerInfo) => info,
                    var t when t == typeof(CancellationToken) => stoppingToken,
                    _ => FunctionInvoker.Unbound,
                });
            }, stoppingToken, clock, new DateTimeOffset(next, TimeSpan.Zero));
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(e, function.Name);
        }
    }

    private string Work => $"timer {function.Name}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private partial void LogFailed(Exception exception, string function);
}
