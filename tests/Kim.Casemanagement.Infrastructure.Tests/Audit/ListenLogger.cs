using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>Keeps every log line (level and formatted text), so that tests can check what was logged and that it holds no personal data.</summary>
internal sealed class ListenLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Zeilen { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Zeilen.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
    }
}
