using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace RedYifang.LocalHost;

/// <summary>
/// Runs a <c>timerTrigger</c> function on its NCRONTAB schedule (six fields with seconds, or five), in UTC as
/// the Functions host on Linux does, once at start when <c>runOnStartup</c> is set.
/// </summary>
public sealed partial class TimerTriggerScheduler(
    FunctionDescriptor function,
    string schedule,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    FunctionInvoker invoker,
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
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last ?? default, Next = _schedule.GetNextOccurrence(now), LastUpdated = now },
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await invoker.InvokeAsync(function, scope.ServiceProvider, reason, parameter => parameter.ParameterType switch
            {
                var t when t == typeof(TimerInfo) => info,
                var t when t == typeof(CancellationToken) => stoppingToken,
                _ => FunctionInvoker.Unbound,
            });
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(e, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private partial void LogFailed(Exception exception, string function);
}
