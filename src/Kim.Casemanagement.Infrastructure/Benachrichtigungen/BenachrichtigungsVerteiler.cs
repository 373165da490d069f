using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// The dispatcher of one app instance: pushes every newly committed notice to the recipient's connections on this
/// instance. Woken in process after local commits, by NOTIFY from other instances, and at least every
/// <see cref="VerteilerOptionen.Abfrageintervall"/> (a safety net for lost NOTIFYs).
/// <para>
/// Cursor: rows carry their writing transaction (xid8). Each read runs in one REPEATABLE READ snapshot, takes
/// <c>h = pg_snapshot_xmin(pg_current_snapshot())</c> (every transaction with xid &lt; h has ended) and reads every row
/// with <c>xid ≥ previous h</c>. A transaction still running at the previous read has xid ≥ that h, so its rows are read
/// whenever they commit: a late commit is never skipped. Rows already pushed are remembered until the horizon passes
/// them, so none is pushed twice.
/// </para>
/// </summary>
public sealed partial class BenachrichtigungsVerteiler(
    Datenbank datenbank,
    BenachrichtigungsWecker wecker,
    IBenachrichtigungsZustellung zustellung,
    Identitaet.SitzungsDienst sitzungen,
    Microsoft.Extensions.Options.IOptions<VerteilerOptionen> optionen,
    ILogger<BenachrichtigungsVerteiler> logger) : BackgroundService
{
    private TimeSpan Intervall => optionen.Value.Abfrageintervall;

    private readonly Dictionary<long, ulong> _zugestellt = [];
    private ulong? _horizont;

    /// <summary>Pushed notices since start (for tests and benchmarks).</summary>
    public long Zugestellt { get; private set; }

    /// <summary>One read-and-push round; returns how many notices were pushed. Public for tests.</summary>
    public async Task<int> RundeAsync(CancellationToken ct)
    {
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var tx = await verbindung.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        ulong neuerHorizont;
        await using (var h = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())", verbindung, tx))
        {
            neuerHorizont = (ulong)(await h.ExecuteScalarAsync(ct))!;
        }

        // First round after start: begin at the present; clients catch up on older notices by seq. The horizon is
        // cluster-wide, so a transaction still open anywhere (another database, a long report) keeps it behind rows that
        // committed before this start: the first round reads them like any round but only records them as pushed, so
        // that only what commits from now on is pushed.
        var ersteRunde = _horizont is null;
        var neue = new List<(long Id, ulong Xid, string Empfaenger, BenachrichtigungDto Dto)>();
        await using (var befehl = new NpgsqlCommand(
            "SELECT id, xid, empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am, gelesen_am IS NOT NULL FROM benachrichtigungen WHERE xid >= @h ORDER BY xid, id",
            verbindung,
            tx))
        {
            befehl.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Xid8) { Value = _horizont ?? neuerHorizont });
            await using var reader = await befehl.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (_zugestellt.ContainsKey(id))
                {
                    continue;
                }

                neue.Add((id, reader.GetFieldValue<ulong>(1), reader.GetString(2), new BenachrichtigungDto(
                    reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetGuid(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetFieldValue<DateTimeOffset>(9),
                    reader.GetBoolean(10))));
            }
        }

        await tx.CommitAsync(ct);
        foreach (var (id, xid, empfaenger, dto) in neue)
        {
            if (!ersteRunde)
            {
                await zustellung.ZustellenAsync(empfaenger, dto, ct);
            }

            _zugestellt[id] = xid;
        }

        var gepusht = ersteRunde ? 0 : neue.Count;
        Zugestellt += gepusht;
        _horizont = neuerHorizont;
        foreach (var alt in _zugestellt.Where(z => z.Value < neuerHorizont).Select(z => z.Key).ToList())
        {
            _zugestellt.Remove(alt);
        }

        return gepusht;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lauscher = LauschenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RundeAsync(stoppingToken);
                await wecker.WartenAsync(Intervall, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogRundeFehlgeschlagen(logger, e.GetType().Name);
                await Task.Delay(Intervall, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await lauscher;
    }

    /// <summary>LISTEN for other instances' wake-ups; reconnects after errors.</summary>
    private async Task LauschenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
                verbindung.Notification += (_, e) =>
                {
                    if (e.Channel == Identitaet.SitzungsDienst.Kanal)
                    {
                        sitzungen.FremdBeendet(e.Payload);
                    }
                    else
                    {
                        wecker.LokalWecken();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {BenachrichtigungsWecker.Kanal}; LISTEN {Identitaet.SitzungsDienst.Kanal}", verbindung))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                while (!ct.IsCancellationRequested)
                {
                    await verbindung.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                LogLauschenUnterbrochen(logger, e.GetType().Name);
                try
                {
                    await Task.Delay(Intervall, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification dispatch round failed ({Fehler}); retrying.")]
    private static partial void LogRundeFehlgeschlagen(ILogger logger, string fehler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LISTEN connection lost ({Fehler}); reconnecting, polling meanwhile.")]
    private static partial void LogLauschenUnterbrochen(ILogger logger, string fehler);
}
