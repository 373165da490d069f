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

    /// <summary>
    /// The round's one statement: horizon and rows from the same snapshot (a single statement has one), so no explicit
    /// transaction. <c>$1</c> is the previous horizon (or null in the first round: then only the horizon is wanted).
    /// </summary>
    private const string RundeSql = """
        WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS h)
        SELECT h.h, b.id, b.xid, b.empfaenger_id, b.seq, b.fall_id, b.art, b.titel, b.text, b.link, b.erstellt_am, b.gelesen_am IS NOT NULL
        FROM h LEFT JOIN benachrichtigungen b ON b.xid >= coalesce($1, h.h)
        ORDER BY b.xid, b.id
        """;

    /// <summary>At least this long between two rounds, so that under load one round takes the commits of several steps.</summary>
    public static readonly TimeSpan Mindestabstand = TimeSpan.FromMilliseconds(5);

    private NpgsqlConnection? _verbindung;
    private NpgsqlCommand? _befehl;

    // One round at a time (the kept connection serves one statement at a time; tests call rounds themselves).
    private readonly SemaphoreSlim _runde = new(1, 1);

    /// <summary>One read-and-push round; returns how many notices were pushed. Public for tests.</summary>
    public async Task<int> RundeAsync(CancellationToken ct)
    {
        await _runde.WaitAsync(ct);
        try
        {
            return await RundeUnterSperreAsync(ct);
        }
        finally
        {
            _runde.Release();
        }
    }

    private async Task<int> RundeUnterSperreAsync(CancellationToken ct)
    {
        // First round after start: begin at the present; clients catch up on older notices by seq. The horizon is
        // cluster-wide, so a transaction still open anywhere (another database, a long report) keeps it behind rows that
        // committed before this start: the first round reads them like any round but only records them as pushed, so
        // that only what commits from now on is pushed.
        var ersteRunde = _horizont is null;
        var neue = new List<(long Id, ulong Xid, string Empfaenger, BenachrichtigungDto Dto)>();
        ulong neuerHorizont = 0;
        var befehl = await BefehlAsync(ct);
        befehl.Parameters[0].Value = _horizont is { } bisher ? bisher : DBNull.Value;
        try
        {
            await using var reader = await befehl.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                neuerHorizont = reader.GetFieldValue<ulong>(0);
                if (reader.IsDBNull(1))
                {
                    continue;
                }

                var id = reader.GetInt64(1);
                if (_zugestellt.ContainsKey(id))
                {
                    continue;
                }

                neue.Add((id, reader.GetFieldValue<ulong>(2), reader.GetString(3), new BenachrichtigungDto(
                    reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetGuid(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.GetFieldValue<DateTimeOffset>(10),
                    reader.GetBoolean(11))));
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
        {
            Application.Common.KimTelemetrie.VerteilerRunde(ok: false, null);
            await VerbindungVerwerfenAsync();
            throw;
        }

        // Telemetry (no personal data: counts, kinds, times): the round's span only when it pushes something, the
        // cursor's lag as the age of the oldest new notice, and per notice the time from its commit to the push.
        using var aktivitaet = ersteRunde || neue.Count == 0 ? null : Application.Common.KimTelemetrie.Quelle.StartActivity("Benachrichtigungen verteilen");
        aktivitaet?.SetTag("kim.benachrichtigungen", neue.Count);
        Application.Common.KimTelemetrie.VerteilerRunde(ok: true, ersteRunde || neue.Count == 0 ? null : DateTimeOffset.UtcNow - neue.Min(n => n.Dto.ErstelltAm));
        foreach (var (id, xid, empfaenger, dto) in neue)
        {
            if (!ersteRunde)
            {
                await zustellung.ZustellenAsync(empfaenger, dto, ct);
                Application.Common.KimTelemetrie.Zugestellt(dto.Art, DateTimeOffset.UtcNow - dto.ErstelltAm);
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _runde.WaitAsync(cancellationToken);
        try
        {
            await VerbindungVerwerfenAsync();
        }
        finally
        {
            _runde.Release();
        }
    }

    /// <summary>
    /// The round's statement on a connection kept for the dispatcher: prepared once, and planned for each bound horizon
    /// (<c>plan_cache_mode = force_custom_plan</c>: a generic plan of "xid ≥ $1" does not know how few rows it selects).
    /// </summary>
    private async Task<NpgsqlCommand> BefehlAsync(CancellationToken ct)
    {
        if (_befehl is not null)
        {
            return _befehl;
        }

        var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        try
        {
            await using (var modus = new NpgsqlCommand("SET plan_cache_mode = force_custom_plan", verbindung))
            {
                await modus.ExecuteNonQueryAsync(ct);
            }

            var befehl = new NpgsqlCommand(RundeSql, verbindung);
            befehl.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Xid8, Value = DBNull.Value });
            await befehl.PrepareAsync(ct);
            (_verbindung, _befehl) = (verbindung, befehl);
            return befehl;
        }
        catch
        {
            await verbindung.DisposeAsync();
            throw;
        }
    }

    private async Task VerbindungVerwerfenAsync()
    {
        if (_befehl is not null)
        {
            await _befehl.DisposeAsync();
        }

        if (_verbindung is not null)
        {
            await _verbindung.DisposeAsync();
        }

        (_verbindung, _befehl) = (null, null);
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
                await Task.Delay(Mindestabstand, stoppingToken);
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
                    else if (!wecker.IstEigeneMeldung(e.Payload))
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
