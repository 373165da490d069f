using Kim.Casemanagement.Domain.Rechtsregeln;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Retention of the audit trail (ADR 0006, db/migrations/0009): one run of the job step, for the scheduler
/// (<c>TerminPruefung</c>) and the <c>audit-aufbewahrung</c> command.
/// <list type="number">
/// <item>Only one run at a time across all instances: a session advisory lock (<see cref="SperrSchluessel"/>, the key
/// the database functions lock as well); a run that does not get it does nothing.</item>
/// <item>Closes a segment: when the last checkpoint is older than <see cref="Abschnittsdauer"/>, sets a checkpoint at
/// the head of the chain (<c>audit_pruefpunkt_setzen()</c>, which takes everything from the chain itself).</item>
/// <item>The cut-off: now minus the period of <see cref="Regeln.AufbewahrungAuditprotokoll"/> valid today (a dated row
/// of the rule table), but never younger than the database's floor (<c>audit_aufbewahrung.mindestens</c>).</item>
/// <item>When whole segments lie before it: verifies the chain first; a broken chain is evidence, and nothing is
/// removed. Otherwise removes them through <c>audit_abschnitte_entfernen()</c>, a bounded number per transaction.</item>
/// </list>
/// The application role suffices: it may only call the two functions, never delete an audit row itself. Logs counts
/// and dates only.
/// </summary>
public sealed partial class AuditAufbewahrung
{
    /// <summary>Key of the advisory lock of the retention step ("KIM_AUFB"); db/migrations/0009 uses the same key.</summary>
    public const long SperrSchluessel = 0x4B49_4D5F_4155_4642;

    private const string PruefpunktFaelligSql = """
        SELECT NOT EXISTS (SELECT 1 FROM audit_pruefpunkte WHERE erstellt_am > now() - $1)
        """;

    private const string GrenzeSql = "SELECT now() - mindestens FROM audit_aufbewahrung";

    /// <summary>Kept segments before the cut-off, oldest first and without a younger one in between (what may leave).</summary>
    private const string FaelligSql = """
        SELECT count(*), coalesce(sum(anzahl), 0)::bigint FROM (
          SELECT anzahl, bool_and(coalesce(letzter_zeitpunkt < $1, false)) OVER (ORDER BY abschnitt) AS vorher
          FROM audit_pruefpunkte WHERE entfernt_am IS NULL
        ) a WHERE vorher
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Rechtsregeltabelle _regeln;
    private readonly TimeProvider _zeit;
    private readonly ILogger _logger;
    private long _gebrochenSeit = long.MinValue;

    public AuditAufbewahrung(NpgsqlDataSource dataSource, Rechtsregeltabelle regeln, TimeProvider zeit, ILogger<AuditAufbewahrung> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(regeln);
        ArgumentNullException.ThrowIfNull(zeit);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _regeln = regeln;
        _zeit = zeit;
        _logger = logger;
    }

    /// <summary>Length of a segment: a checkpoint is set when the last one is older. Audit rows leave at most this much later than their period ends.</summary>
    public TimeSpan Abschnittsdauer { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Segments removed per transaction (a run repeats until none is due).</summary>
    public int AbschnitteJeTransaktion { get; init; } = 20;

    /// <summary>
    /// One run. <paramref name="trocken"/>: only report what would be removed (no checkpoint, no removal).
    /// <paramref name="geplant"/>: called by the scheduler, which calls it often; it costs two small queries while nothing
    /// is due, and after a broken chain it skips the verification for one <see cref="Abschnittsdauer"/> (a command run
    /// always verifies).
    /// </summary>
    public async Task<AuditAufbewahrungsergebnis> LaufAsync(bool trocken, bool geplant, CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var versuch = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", verbindung))
        {
            versuch.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SperrSchluessel });
            if (!(bool)(await versuch.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.AndereInstanz, default, default, null, 0, 0, 0, 0, null);
            }
        }

        try
        {
            return await UnterSperreAsync(verbindung, trocken, geplant, ct).ConfigureAwait(false);
        }
        finally
        {
            await using var frei = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", verbindung);
            frei.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SperrSchluessel });
            await frei.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<AuditAufbewahrungsergebnis> UnterSperreAsync(NpgsqlConnection verbindung, bool trocken, bool geplant, CancellationToken ct)
    {
        var jetzt = _zeit.GetUtcNow();
        var frist = _regeln.Wert(Regeln.AufbewahrungAuditprotokoll, DateOnly.FromDateTime(jetzt.UtcDateTime));
        var stichtag = frist.Vor(jetzt);
        await using (var grenze = new NpgsqlCommand(GrenzeSql, verbindung))
        {
            var mindestens = (DateTime)(await grenze.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            var grenzeUtc = new DateTimeOffset(DateTime.SpecifyKind(mindestens, DateTimeKind.Utc));
            if (stichtag > grenzeUtc)
            {
                LogDurchMindestaufbewahrungBegrenzt(_logger, frist.ToString());
                stichtag = grenzeUtc;
            }
        }

        long? neuerAbschnitt = null;
        if (!trocken)
        {
            neuerAbschnitt = await PruefpunktSetzenAsync(verbindung, ct).ConfigureAwait(false);
        }

        var (faelligeAbschnitte, faelligeZeilen) = await FaelligAsync(verbindung, stichtag, ct).ConfigureAwait(false);
        if (faelligeAbschnitte == 0)
        {
            return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.Erledigt, frist, stichtag, neuerAbschnitt, 0, 0, 0, 0, null);
        }

        if (geplant && _gebrochenSeit != long.MinValue && _zeit.GetElapsedTime(_gebrochenSeit) < Abschnittsdauer)
        {
            return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.KetteGebrochen, frist, stichtag, neuerAbschnitt, faelligeAbschnitte, faelligeZeilen, 0, 0, null);
        }

        var pruefung = await new AuditPruefung(_dataSource).PruefenAsync(ct).ConfigureAwait(false);
        if (!pruefung.Ok)
        {
            _gebrochenSeit = _zeit.GetTimestamp();
            LogKetteGebrochen(_logger, faelligeAbschnitte);
            return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.KetteGebrochen, frist, stichtag, neuerAbschnitt, faelligeAbschnitte, faelligeZeilen, 0, 0, pruefung);
        }

        _gebrochenSeit = long.MinValue;
        if (trocken)
        {
            return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.Erledigt, frist, stichtag, null, faelligeAbschnitte, faelligeZeilen, 0, 0, pruefung);
        }

        long abschnitte = 0;
        long zeilen = 0;
        while (true)
        {
            await using var entfernen = new NpgsqlCommand("SELECT abschnitte, zeilen FROM audit_abschnitte_entfernen($1, $2)", verbindung);
            entfernen.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = stichtag });
            entfernen.Parameters.Add(new NpgsqlParameter<int> { TypedValue = AbschnitteJeTransaktion });
            await using var reader = await entfernen.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            var runde = reader.GetInt64(0);
            abschnitte += runde;
            zeilen += reader.GetInt64(1);
            if (runde < AbschnitteJeTransaktion)
            {
                break;
            }
        }

        LogEntfernt(_logger, abschnitte, zeilen, stichtag);
        return new AuditAufbewahrungsergebnis(AuditAufbewahrungsstatus.Erledigt, frist, stichtag, neuerAbschnitt, faelligeAbschnitte, faelligeZeilen, abschnitte, zeilen, pruefung);
    }

    private async Task<long?> PruefpunktSetzenAsync(NpgsqlConnection verbindung, CancellationToken ct)
    {
        await using (var faellig = new NpgsqlCommand(PruefpunktFaelligSql, verbindung))
        {
            faellig.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Abschnittsdauer });
            if (!(bool)(await faellig.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return null;
            }
        }

        await using var setzen = new NpgsqlCommand("SELECT abschnitt FROM audit_pruefpunkt_setzen()", verbindung);
        return await setzen.ExecuteScalarAsync(ct).ConfigureAwait(false) is long abschnitt ? abschnitt : null;
    }

    private static async Task<(long Abschnitte, long Zeilen)> FaelligAsync(NpgsqlConnection verbindung, DateTimeOffset stichtag, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(FaelligSql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = stichtag });
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit-Aufbewahrung: {Abschnitte} Abschnitte mit {Zeilen} Zeilen vor {Stichtag:O} entfernt.")]
    private static partial void LogEntfernt(ILogger logger, long abschnitte, long zeilen, DateTimeOffset stichtag);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit-Aufbewahrung angehalten: die Audit-Kette ist gebrochen (verify-audit). {Abschnitte} fällige Abschnitte bleiben als Beweismittel erhalten.")]
    private static partial void LogKetteGebrochen(ILogger logger, long abschnitte);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit-Aufbewahrung: die Frist {Frist} der Regeltabelle ist kürzer als die Mindestaufbewahrung der Datenbank (audit_aufbewahrung); es gilt die Mindestaufbewahrung.")]
    private static partial void LogDurchMindestaufbewahrungBegrenzt(ILogger logger, string frist);
}

/// <summary>Outcome of one <see cref="AuditAufbewahrung"/> run.</summary>
public enum AuditAufbewahrungsstatus
{
    /// <summary>The run did its work (possibly nothing was due).</summary>
    Erledigt,

    /// <summary>Another instance is running the step right now; this run did nothing.</summary>
    AndereInstanz,

    /// <summary>Segments were due, but the chain is broken: nothing was removed.</summary>
    KetteGebrochen,
}

/// <summary>What one retention run found and did (counts and dates only).</summary>
/// <param name="Status">See <see cref="AuditAufbewahrungsstatus"/>.</param>
/// <param name="Frist">The audit period valid today (rule table).</param>
/// <param name="Stichtag">Rows before this instant were due (the period's cut-off, or the database's floor when that is older).</param>
/// <param name="NeuerAbschnitt">The segment closed by this run's checkpoint, if any.</param>
/// <param name="FaelligeAbschnitte">Whole segments before the cut-off.</param>
/// <param name="FaelligeZeilen">Rows in them.</param>
/// <param name="EntfernteAbschnitte">Segments removed by this run.</param>
/// <param name="EntfernteZeilen">Rows removed by this run.</param>
/// <param name="Pruefung">The verification before the removal, when segments were due.</param>
public sealed record AuditAufbewahrungsergebnis(
    AuditAufbewahrungsstatus Status,
    Frist Frist,
    DateTimeOffset Stichtag,
    long? NeuerAbschnitt,
    long FaelligeAbschnitte,
    long FaelligeZeilen,
    long EntfernteAbschnitte,
    long EntfernteZeilen,
    AuditPruefergebnis? Pruefung);
