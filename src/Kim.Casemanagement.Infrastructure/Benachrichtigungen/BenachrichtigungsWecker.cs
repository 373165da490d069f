using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Wakes the dispatchers after a commit that wrote notices: this instance's at once (in process), other instances by a
/// <c>NOTIFY</c> sent outside any write transaction and coalesced to at most one per <see cref="Buendelung"/> — never a
/// pg_notify inside each write transaction, which would serialise the commits (QUALITY.md baseline: −61 % at 32 clients).
/// </summary>
public sealed partial class BenachrichtigungsWecker(Datenbank datenbank, ILogger<BenachrichtigungsWecker> logger) : IAsyncDisposable
{
    public const string Kanal = "kim_benachrichtigung";
    public static readonly TimeSpan Buendelung = TimeSpan.FromMilliseconds(20);

    // Sent as the NOTIFY payload, so that this instance's listener ignores its own wake-ups (its dispatcher was woken in process).
    private readonly string _instanz = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _lokal = new(0, 1);
    private readonly CancellationTokenSource _ende = new();
    private int _notifyGeplant;

    /// <summary>Signals the local dispatcher and schedules one NOTIFY for the others.</summary>
    public void Wecken()
    {
        LokalWecken();
        if (Interlocked.Exchange(ref _notifyGeplant, 1) == 0)
        {
            _ = NotifyAsync();
        }
    }

    /// <summary>Signals only the local dispatcher (e.g. when another instance's NOTIFY arrived).</summary>
    public void LokalWecken()
    {
        // Already signalled (the usual case under load): the dispatcher reads everything new anyway. Checked first,
        // because the exception of a full semaphore costs more than the whole wake-up.
        if (_lokal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _lokal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher reads everything new anyway.
        }
    }

    /// <summary>Whether a NOTIFY payload came from this instance.</summary>
    public bool IstEigeneMeldung(string payload) => payload == _instanz;

    /// <summary>Waits until woken or until <paramref name="hoechstens"/> passed; true when woken.</summary>
    public Task<bool> WartenAsync(TimeSpan hoechstens, CancellationToken ct) => _lokal.WaitAsync(hoechstens, ct);

    public async ValueTask DisposeAsync()
    {
        await _ende.CancelAsync();
        _ende.Dispose();
        _lokal.Dispose();
    }

    private async Task NotifyAsync()
    {
        try
        {
            await Task.Delay(Buendelung, _ende.Token);
            Interlocked.Exchange(ref _notifyGeplant, 0);
            // No session state is left behind, so the pool without the per-connection reset serves.
            await using var befehl = datenbank.EfDataSource.CreateCommand($"SELECT pg_notify('{Kanal}', $1)");
            befehl.Parameters.Add(new Npgsql.NpgsqlParameter { Value = _instanz });
            await befehl.ExecuteNonQueryAsync(_ende.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (Npgsql.NpgsqlException e)
        {
            Interlocked.Exchange(ref _notifyGeplant, 0);
            LogNotifyFehlgeschlagen(logger, e.SqlState ?? e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NOTIFY for other instances failed ({Grund}); they will poll.")]
    private static partial void LogNotifyFehlgeschlagen(ILogger logger, string grund);
}
