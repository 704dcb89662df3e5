using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RedYifang.Testing;

/// <summary>
/// Keeps what a host logs, for tests about what is logged and how often. Added as one more logger provider; its own filter
/// rule lets Information through for it alone, whatever the host's minimum level for the console.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, DateTimeOffset At);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>The entries whose message contains <paramref name="text"/>.</summary>
    public List<Entry> Containing(string text) => Entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>Adds this capture to a host's logging through its services (for hosts that take extra services).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(
            new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Information, null)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception, DateTimeOffset.UtcNow));
    }
}
