using System.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Seals the audit trail into the hash chain <c>audit_siegel</c>, once per <see cref="Intervall"/> and on demand
/// (<see cref="VersiegelnAsync"/>). Safe with any number of app instances, and it never slows the writers down:
/// <list type="number">
/// <item>In one READ COMMITTED transaction, <c>pg_try_advisory_xact_lock</c> on <see cref="SperrSchluessel"/>: one sealer
/// at a time; the others skip this round. (READ COMMITTED matters: the next statement takes a fresh snapshot, so it sees
/// the seals of the instance that held the lock before.)</item>
/// <item>The last link (nr, hash, bis_xid), then the horizon <c>h = pg_snapshot_xmin(pg_current_snapshot())</c>: every
/// transaction with an xid below h has ended, and every later transaction gets a larger xid, so the rows with
/// <c>last bis_xid &lt;= xid &lt; h</c> are final. No row can still appear in that range, and none is left out.</item>
/// <item>Those rows in (xid, id) order, through a cursor in batches (bounded memory whatever the backlog): for each,
/// <c>zeilen_hash = AuditKette.ZeilenHash(row as read back)</c> and <c>hash = AuditKette.Verketten(previous, zeilen_hash)</c>,
/// written by binary COPY with <c>bis_xid = h</c>; then commit (all or nothing).</item>
/// </list>
/// Consecutive runs cover adjacent ranges [h_prev, h), so every committed row is sealed exactly once, in transaction
/// order. A row of a transaction that stays open waits, with every younger row, until it ends. The app role suffices:
/// the sealer only SELECTs and INSERTs.
/// </summary>
public sealed partial class AuditVersiegelung : BackgroundService
{
    /// <summary>Key of the transaction-level advisory lock of the sealer ("KIM_AUDT").</summary>
    public const long SperrSchluessel = 0x4B49_4D5F_4155_4454;

    private const int Stapel = 2_000;

    private const string KopierenSql = """
        COPY audit_siegel (nr, audit_id, zeilen_hash, vorgaenger_hash, hash, gesiegelt_am, bis_xid) FROM STDIN (FORMAT BINARY)
        """;

    private static readonly TimeSpan LogAbstand = TimeSpan.FromMinutes(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly TimeProvider _zeit;
    private long _letzterKopfLog = long.MinValue;
    private long _letzteHorizontWarnung = long.MinValue;

    public AuditVersiegelung(NpgsqlDataSource dataSource, ILogger<AuditVersiegelung> logger, TimeProvider? zeit = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _logger = logger;
        _zeit = zeit ?? TimeProvider.System;
    }

    /// <summary>Pause between two sealing runs of the background service.</summary>
    public TimeSpan Intervall { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One sealing run: seals every audit row that has become final since the last run. Returns the number of links
    /// written; 0 when there was nothing to seal or another instance is sealing right now.
    /// </summary>
    public async Task<int> VersiegelnAsync(CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaktion = await verbindung.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);

        await using (var sperre = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", verbindung, transaktion))
        {
            sperre.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SperrSchluessel });
            if (!(bool)(await sperre.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        long nr = 0;
        var vorgaenger = AuditKette.Anfang;
        ulong vonXid = 0;
        // The last link; when every link has left with its segment (ADR 0006), the newest checkpoint, which recorded it.
        await using (var letzter = new NpgsqlCommand(
            """
            (SELECT nr, hash, bis_xid FROM audit_siegel ORDER BY nr DESC LIMIT 1)
            UNION ALL
            (SELECT bis_nr, hash, bis_xid FROM audit_pruefpunkte ORDER BY abschnitt DESC LIMIT 1)
            ORDER BY 1 DESC LIMIT 1
            """,
            verbindung,
            transaktion))
        await using (var reader = await letzter.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                nr = reader.GetInt64(0);
                vorgaenger = reader.GetFieldValue<byte[]>(1);
                vonXid = reader.GetFieldValue<ulong>(2);
            }
        }

        ulong horizont;
        await using (var h = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())", verbindung, transaktion))
        {
            horizont = (ulong)(await h.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        if (horizont < vonXid)
        {
            // xids never go backwards in one cluster; this means a logical restore into a fresh cluster. Sealing on would
            // put new rows before sealed ones; refuse loudly (the operator must advance the xid counter, see the report).
            if (Selten(ref _letzteHorizontWarnung))
            {
                LogHorizontRueckwaerts(_logger, vonXid, horizont);
            }

            return 0;
        }

        if (horizont == vonXid)
        {
            return 0;
        }

        await using (var cursor = new NpgsqlCommand(
            $"DECLARE audit_versiegelung NO SCROLL CURSOR FOR SELECT {AuditSql.Spalten} FROM audit_protokoll p WHERE p.xid >= $1 AND p.xid < $2 ORDER BY p.xid, p.id",
            verbindung,
            transaktion))
        {
            cursor.Parameters.Add(AuditSql.Xid(vonXid));
            cursor.Parameters.Add(AuditSql.Xid(horizont));
            await cursor.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var gesiegeltAm = _zeit.GetUtcNow();
        var anzahl = 0;
        var zeilen = new List<AuditEintrag>(Stapel);
        await using var holen = new NpgsqlCommand($"FETCH {Stapel} FROM audit_versiegelung", verbindung, transaktion);
        while (true)
        {
            zeilen.Clear();
            await using (var reader = await holen.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    zeilen.Add(AuditSql.Lesen(reader, 0));
                }
            }

            if (zeilen.Count == 0)
            {
                break;
            }

            await using (var importer = await verbindung.BeginBinaryImportAsync(KopierenSql, ct).ConfigureAwait(false))
            {
                foreach (var zeile in zeilen)
                {
                    var zeilenHash = AuditKette.ZeilenHash(zeile);
                    var hash = AuditKette.Verketten(vorgaenger, zeilenHash);
                    nr++;
                    await importer.StartRowAsync(ct).ConfigureAwait(false);
                    await importer.WriteAsync(nr, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                    await importer.WriteAsync(zeile.Id, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                    await importer.WriteAsync(zeilenHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                    await importer.WriteAsync(vorgaenger, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                    await importer.WriteAsync(hash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
                    await importer.WriteAsync(gesiegeltAm, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                    await importer.WriteAsync(horizont, NpgsqlDbType.Xid8, ct).ConfigureAwait(false);
                    vorgaenger = hash;
                }

                await importer.CompleteAsync(ct).ConfigureAwait(false);
            }

            anzahl += zeilen.Count;
        }

        if (anzahl == 0)
        {
            return 0;
        }

        await transaktion.CommitAsync(ct).ConfigureAwait(false);
        KopfProtokollieren(nr, vorgaenger);
        return anzahl;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var takt = new PeriodicTimer(Intervall, _zeit);
        do
        {
            try
            {
                using var lauf = Application.Common.KimTelemetrie.JobBeginnen("AuditVersiegelung");
                await VersiegelnAsync(stoppingToken).ConfigureAwait(false);
                lauf.Ende();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next tick tries again; rows stay unsealed meanwhile, nothing is lost. No message text: it could quote values.
                LogFehlgeschlagen(_logger, ex is PostgresException p ? "SQLSTATE " + p.SqlState : ex.GetType().Name);
            }
        }
        while (await WeiterAsync(takt, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WeiterAsync(PeriodicTimer takt, CancellationToken ct)
    {
        try
        {
            return await takt.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Writes the head of the chain to the application log at most once a minute: an external anchor that a later truncation of the chain cannot change.</summary>
    private void KopfProtokollieren(long nr, byte[] hash)
    {
        if (_logger.IsEnabled(LogLevel.Information) && Selten(ref _letzterKopfLog))
        {
            var kopfHash = Convert.ToHexStringLower(hash);
            LogKopf(_logger, nr, kopfHash);
        }
    }

    /// <summary>True at most once per <see cref="LogAbstand"/> for the given timestamp field.</summary>
    private bool Selten(ref long letzter)
    {
        var jetzt = _zeit.GetTimestamp();
        var vorher = Interlocked.Read(ref letzter);
        return (vorher == long.MinValue || _zeit.GetElapsedTime(vorher, jetzt) >= LogAbstand)
            && Interlocked.CompareExchange(ref letzter, jetzt, vorher) == vorher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit-Kette versiegelt bis Nr {Nr}, Kopf-Hash {KopfHash}.")]
    private static partial void LogKopf(ILogger logger, long nr, string kopfHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit-Versiegelung fehlgeschlagen: {Fehler}. Nächster Versuch im nächsten Takt.")]
    private static partial void LogFehlgeschlagen(ILogger logger, string fehler);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit-Versiegelung angehalten: der xid-Horizont {Horizont} liegt vor dem letzten versiegelten ({BisXid}). Wurde die Datenbank logisch in einen neuen Cluster eingespielt? Der xid-Zähler muss über {BisXid} liegen.")]
    private static partial void LogHorizontRueckwaerts(ILogger logger, ulong bisXid, ulong horizont);
}
