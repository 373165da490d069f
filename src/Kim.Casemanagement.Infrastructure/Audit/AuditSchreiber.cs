using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Writes audit rows (singleton; also the hosted service that drains its queue). Two paths:
/// <list type="bullet">
/// <item><see cref="Hinzufuegen"/> (writes): the rows go into the EF context of the change they describe and are inserted
/// in the same transaction. They are never lost and never stored without the change.</item>
/// <item><see cref="EinreihenAsync"/> (reads, refused and failed requests): the rows go onto a bounded in-memory queue. A
/// background loop inserts them in batches (one INSERT over arrays, since COPY FROM is refused under row-level security; at most <see cref="MaxStapel"/> rows, at most
/// <see cref="MaxWartezeit"/> after the first row of a batch arrived) on its own connection of the app's data source,
/// so a read costs no database round trip.</item>
/// </list>
/// Trade-off, deliberately accepted: a crash of the process (kill -9, power loss) loses what is queued and not yet
/// committed: normally the read entries of the last ≤ 50 ms plus the batch being copied (while the database is slow or
/// unreachable more piles up: at most <see cref="StandardKapazitaet"/> queued plus <see cref="MaxStapel"/> in the batch
/// being retried). Write entries are never lost: they are in the write's own transaction.
/// <para>On a graceful shutdown <see cref="StopAsync"/> flushes the queue. If the database is unavailable the loop
/// retries with backoff (100 ms doubling to 5 s) and never drops a batch while the host waits for it; if the queue is
/// full, callers wait (back-pressure) instead of dropping, and a warning without personal data is logged. A batch whose
/// INSERT failed after the server had already committed it would be inserted twice when retried: a duplicate is preferred
/// to a loss. Logs never contain field values, only counts, SQLSTATEs and exception types.</para>
/// </summary>
public sealed partial class AuditSchreiber : IHostedService, IAsyncDisposable
{
    public const int StandardKapazitaet = 10_000;

    public const int MaxStapel = 500;

    public static readonly TimeSpan MaxWartezeit = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarnAbstand = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DirektFrist = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly TimeProvider _zeit;
    private readonly int _kapazitaet;
    private readonly Channel<AuditEintrag> _kanal;

    // Cancelled by StopAsync: stop lingering, write what is queued now.
    private readonly CancellationTokenSource _stopp = new();

    // Cancelled when the host will not wait any longer: stop retrying (what is left is logged as lost).
    private readonly CancellationTokenSource _aufgeben = new();
    private readonly Lock _startSperre = new();
    private Task? _schleife;
    private int _geschlossen;
    private int _entsorgt;
    private long _letzteWarnung = long.MinValue;

    public AuditSchreiber(NpgsqlDataSource dataSource, ILogger<AuditSchreiber> logger, TimeProvider? zeit = null, int kapazitaet = StandardKapazitaet)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(kapazitaet, 1);
        _dataSource = dataSource;
        _logger = logger;
        _zeit = zeit ?? TimeProvider.System;
        _kapazitaet = kapazitaet;
        _kanal = Channel.CreateBounded<AuditEintrag>(new BoundedChannelOptions(kapazitaet)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Entries queued and not yet handed to the database.</summary>
    public int Wartend => _kanal.Reader.Count;

    /// <summary>
    /// Write path: adds the entries to <paramref name="kontext"/>, so that its next SaveChanges inserts them in the same
    /// transaction as the change they describe. Id and Xid are assigned by the database.
    /// </summary>
    public void Hinzufuegen(DbContext kontext, IEnumerable<AuditEintrag> eintraege)
    {
        ArgumentNullException.ThrowIfNull(kontext);
        ArgumentNullException.ThrowIfNull(eintraege);
        var jetzt = _zeit.GetUtcNow();
        kontext.Set<AuditEintrag>().AddRange(eintraege.Select(e => AuditSql.Bereinigen(e, jetzt)).ToList());
    }

    /// <summary>
    /// Read path: queues the entries for the background writer. Completes at once unless the queue is full; then it
    /// waits for room (and logs a warning) rather than dropping anything. After <see cref="StopAsync"/> the entries
    /// are written directly. Starts the background loop if the host has not yet.
    /// </summary>
    public async ValueTask EinreihenAsync(IEnumerable<AuditEintrag> eintraege, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(eintraege);
        if (Volatile.Read(ref _schleife) is null)
        {
            // Normally started by the host; started here too, so that a writer outside a host can never fill up and hang.
            _ = SchleifeStarten();
        }

        var jetzt = _zeit.GetUtcNow();
        List<AuditEintrag>? direkt = null;
        foreach (var eintrag in eintraege)
        {
            AuditSql.Bereinigen(eintrag, jetzt);
            if (_kanal.Writer.TryWrite(eintrag))
            {
                continue;
            }

            if (!await WartenUndEinreihenAsync(eintrag, ct).ConfigureAwait(false))
            {
                (direkt ??= []).Add(eintrag);
            }
        }

        if (direkt is not null)
        {
            using var frist = new CancellationTokenSource(DirektFrist, _zeit);
            await SchreibenMitWiederholungAsync(direkt, frist.Token).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        SchleifeStarten();
        return Task.CompletedTask;
    }

    /// <summary>Closes the queue and writes everything in it; gives up (and logs how many entries were lost) when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _entsorgt) != 0)
        {
            return;
        }

        Volatile.Write(ref _geschlossen, 1);
        _kanal.Writer.TryComplete();
        await _stopp.CancelAsync().ConfigureAwait(false);
        var schleife = SchleifeStarten();
        using var registrierung = cancellationToken.Register(() => _aufgeben.Cancel());
        await schleife.ConfigureAwait(false);
    }

    /// <summary>Flushes like <see cref="StopAsync"/> (giving up after 10 s). Idempotent: DI may dispose the instance twice (singleton and hosted service).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _entsorgt) != 0)
        {
            return;
        }

        using (var frist = new CancellationTokenSource(DirektFrist, _zeit))
        {
            await StopAsync(frist.Token).ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _entsorgt, 1) == 0)
        {
            _stopp.Dispose();
            _aufgeben.Dispose();
        }
    }

    private Task SchleifeStarten()
    {
        lock (_startSperre)
        {
            return _schleife ??= Task.Run(SchleifeAsync);
        }
    }

    private async ValueTask<bool> WartenUndEinreihenAsync(AuditEintrag eintrag, CancellationToken ct)
    {
        if (Volatile.Read(ref _geschlossen) != 0)
        {
            return false;
        }

        var jetzt = _zeit.GetTimestamp();
        var letzte = Interlocked.Read(ref _letzteWarnung);
        if ((letzte == long.MinValue || _zeit.GetElapsedTime(letzte, jetzt) >= WarnAbstand)
            && Interlocked.CompareExchange(ref _letzteWarnung, jetzt, letzte) == letzte)
        {
            LogWarteschlangeVoll(_logger, _kapazitaet);
        }

        try
        {
            await _kanal.Writer.WriteAsync(eintrag, ct).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            LogNichtEingereiht(_logger);
            throw;
        }
    }

    private async Task SchleifeAsync()
    {
        var reader = _kanal.Reader;
        var stapel = new List<AuditEintrag>(MaxStapel);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await SammelnAsync(reader, stapel).ConfigureAwait(false);
            await SchreibenMitWiederholungAsync(stapel, _aufgeben.Token).ConfigureAwait(false);
            stapel.Clear();
        }
    }

    /// <summary>Takes up to <see cref="MaxStapel"/> entries, waiting at most <see cref="MaxWartezeit"/> after the first for more.</summary>
    private async Task SammelnAsync(ChannelReader<AuditEintrag> reader, List<AuditEintrag> stapel)
    {
        var beginn = _zeit.GetTimestamp();
        while (stapel.Count < MaxStapel)
        {
            if (reader.TryRead(out var eintrag))
            {
                stapel.Add(eintrag);
                continue;
            }

            var rest = MaxWartezeit - _zeit.GetElapsedTime(beginn);
            if (rest <= TimeSpan.Zero || _stopp.IsCancellationRequested)
            {
                return;
            }

            using var frist = CancellationTokenSource.CreateLinkedTokenSource(_stopp.Token);
            frist.CancelAfter(rest);
            try
            {
                if (!await reader.WaitToReadAsync(frist.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Never throws: retries transient failures until <paramref name="aufgeben"/> fires, then logs the loss.</summary>
    private async Task SchreibenMitWiederholungAsync(List<AuditEintrag> stapel, CancellationToken aufgeben)
    {
        for (var versuch = 1; ; versuch++)
        {
            try
            {
                await KopierenAsync(stapel, aufgeben).ConfigureAwait(false);
                if (versuch > 1)
                {
                    LogWiederGeschrieben(_logger, stapel.Count, versuch);
                }

                return;
            }
            catch (PostgresException ex) when (IstDatenfehler(ex))
            {
                // Cannot happen after Bereinigen, but one bad row must never block the queue: isolate it.
                if (stapel.Count == 1)
                {
                    LogVerworfen(_logger, stapel[0].Aktion, ex.SqlState);
                    return;
                }

                foreach (var eintrag in stapel)
                {
                    await SchreibenMitWiederholungAsync([eintrag], aufgeben).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception ex) when (!aufgeben.IsCancellationRequested)
            {
                LogFehlgeschlagen(_logger, stapel.Count, versuch, Beschreibung(ex));
            }
            catch (Exception)
            {
                LogVerloren(_logger, stapel.Count);
                return;
            }

            try
            {
                await Task.Delay(Pause(versuch), _zeit, aufgeben).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogVerloren(_logger, stapel.Count);
                return;
            }
        }
    }

    private async Task KopierenAsync(List<AuditEintrag> stapel, CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var befehl = AuditSql.StapelBefehl(stapel);
        befehl.Connection = verbindung;
        await befehl.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static bool IstDatenfehler(PostgresException ex) =>
        ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    private static TimeSpan Pause(int versuch) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxPause.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(versuch - 1, 10))));

    /// <summary>What went wrong, without any message text (it could quote values).</summary>
    private static string Beschreibung(Exception ex) => ex switch
    {
        PostgresException p => "SQLSTATE " + p.SqlState,
        { InnerException: SocketException s } => ex.GetType().Name + "/" + s.SocketErrorCode,
        { InnerException: { } inner } => ex.GetType().Name + "/" + inner.GetType().Name,
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit-Warteschlange voll ({Kapazitaet} Einträge): Anfragen warten, bis die Datenbank aufholt.")]
    private static partial void LogWarteschlangeVoll(ILogger logger, int kapazitaet);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit-Einträge nicht eingereiht: der Aufrufer hat abgebrochen.")]
    private static partial void LogNichtEingereiht(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit-Stapel ({Anzahl} Einträge) nicht geschrieben, Versuch {Versuch}: {Fehler}. Neuer Versuch folgt.")]
    private static partial void LogFehlgeschlagen(ILogger logger, int anzahl, int versuch, string fehler);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit-Stapel ({Anzahl} Einträge) im {Versuch}. Versuch geschrieben.")]
    private static partial void LogWiederGeschrieben(ILogger logger, int anzahl, int versuch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit-Eintrag verworfen (Aktion {Aktion}): die Datenbank lehnt ihn ab, SQLSTATE {SqlState}.")]
    private static partial void LogVerworfen(ILogger logger, string aktion, string sqlState);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Anzahl} Audit-Einträge verloren: die Datenbank war bis zum Ende des Herunterfahrens nicht erreichbar.")]
    private static partial void LogVerloren(ILogger logger, int anzahl);
}
