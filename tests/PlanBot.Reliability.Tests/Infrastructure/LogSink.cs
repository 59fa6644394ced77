using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps everything, at every level, with exceptions and scopes, so a test can
/// count failures and prove what never reaches the logs.
/// </summary>
public sealed class LogSink : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <summary>Every entry as one text: level, category, event, message, scopes and exception.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.ToString()));

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level).ToList();

    public int Count(int eventId) => Entries.Count(e => e.EventId.Id == eventId);

    public void Dispose()
    {
    }

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new StringBuilder();
            sink.scopes.ForEachScope((scope, text) => text.Append(" => ").Append(scope), scopeText);
            // Structured values too: a secret could sit in a property the message template leaves out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? string.Empty;
            sink.Entries.Enqueue(new LogEntry(logLevel, category, eventId, formatter(state, exception), values, scopeText.ToString(), exception?.ToString()));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, string Values, string Scopes, string? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message} | {Values}{Scopes}{(Exception is null ? string.Empty : "\n" + Exception)}";
}
