using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>Keeps every formatted message and exception text, so a test can prove what never reaches the logs.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public string AllText => string.Join("\n", entries);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        entries.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
    }
}
