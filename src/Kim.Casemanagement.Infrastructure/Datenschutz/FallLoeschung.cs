using System.Text.Json;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Loeschung;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// What one run did (or, as a dry run, would do) for one tenant: counts and dates only, as stored in
/// <c>loeschlaeufe</c>; <see cref="Faelle"/> lists the due Fälle of a dry run for the Datenschutz role.
/// </summary>
public sealed record Loeschlaufergebnis(
    Guid Id,
    string Mandant,
    bool Probelauf,
    DateOnly Stichtag,
    Frist Frist,
    int Faellig,
    int Gesperrt,
    int Anonymisiert,
    int KlientenGeloescht,
    IReadOnlyDictionary<string, long> ZeilenGeloescht,
    IReadOnlyList<FaelligerFallZurLoeschung> Faelle);

/// <summary>
/// The erasure and anonymisation job (Issue 15 item 3, ADR 0007, docs/loeschkonzept.md L1). A Fall is due when its
/// process track is closed (Abschluss, Abbruch, Verweisung: the registry's closed states) for longer than the period
/// of <see cref="Regeln.AufbewahrungFallakte"/> valid on the day of the run, it is not anonymised yet, and it has no
/// active hold (<see cref="AktiveSperreSql"/>). What happens to each column is read from the <see cref="Datenkatalog"/>:
/// <list type="number">
/// <item>The Fall's row is copied under a new random id (<see cref="Guid.NewGuid"/>, stored nowhere else) with each
/// column as the catalogue says (<see cref="KatalogSpalte.Anonym"/>): kept, emptied, coarsened; without its client. Its
/// referrals are copied the same way under new ids.</item>
/// <item>Its event log moves to the new row through <c>fall_ereignisse_anonymisieren</c> (migration 0010): notes
/// removed, parameters reduced to <see cref="Datenkatalog.BehalteneEreignisParameter"/>, time of entry coarsened to the
/// business day. Themen point to the new row.</item>
/// <item>The old row is deleted; its child rows (<see cref="Fallbezug.Kind"/>) go with it (ON DELETE CASCADE, checked by
/// a test), and so do the rows that name it (<see cref="Fallbezug.Verweis"/>). The client's row is deleted with their
/// last Fall.</item>
/// </list>
/// Each Fall is one transaction that starts by locking the Fall's row and checking again that it is due: a run killed
/// at any point leaves every Fall either untouched or fully anonymised, and the next run finishes the rest. A write
/// racing with the erasure of the same Fall either commits first (then the Fall is checked again under the lock) or
/// finds the row gone (its version check fails: 409, nothing written). Only one run at a time across all instances
/// (session advisory lock <see cref="SperrSchluessel"/>). The erasure record (<c>loeschlaeufe</c>) grows in the
/// transaction of each Fall, so it holds exactly what was committed. Logs counts only. Runs as the owner role: the
/// application role may not delete case records (migration 0002) nor change the event log.
/// </summary>
public sealed partial class FallLoeschung : IEinzelloeschung, IAsyncDisposable
{
    /// <summary>Key of the advisory lock of the job ("KIM_LOES").</summary>
    public const long SperrSchluessel = 0x4B49_4D5F_4C4F_4553;

    /// <summary>Active hold of the Fall <c>f</c> on day <c>@heute</c> (<see cref="FallSperrung"/>; <c>fall_ereignisse_anonymisieren</c> checks the same).</summary>
    public static readonly string AktiveSperreSql = FallSperrung.Gesperrt("f.id", "@heute");

    /// <summary>
    /// Due: the Fall <c>f</c> is not anonymised and its process track has been closed for longer than the period
    /// (parameters <c>@beendet</c>, <c>@jahre</c>, <c>@monate</c>, <c>@tage</c>, <c>@heute</c>; see <see cref="Parameter"/>).
    /// The end of the period is computed as <see cref="Frist.Ende"/> does (years, then months, then days), so that the
    /// job, the overview and the rule table agree to the day, also after a 29 February. The one definition: the
    /// retention overview counts with it too.
    /// </summary>
    public static readonly string FaelligSql =
        "f.anonymisiert_am IS NULL AND f.prozess_zustand = ANY(@beendet) "
        + "AND ((f.prozess_seit + make_interval(years => @jahre)) + make_interval(months => @monate))::date + @tage < @heute";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Rechtsregeltabelle _regeln;
    private readonly IKalender _kalender;
    private readonly ILogger _logger;
    private readonly bool _quelleEigen;

    /// <summary>The job on a connection pool of the owner role (<paramref name="eigentuemerVerbindung"/>), disposed with it.</summary>
    public FallLoeschung(string eigentuemerVerbindung, Rechtsregeltabelle regeln, IKalender kalender, ILogger<FallLoeschung> logger)
        : this(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(eigentuemerVerbindung) { MaxPoolSize = 4, ApplicationName = "kim-loeschlauf" }.ConnectionString), regeln, kalender, logger)
    {
        _quelleEigen = true;
    }

    /// <param name="dataSource">Connections of the owner role.</param>
    public FallLoeschung(NpgsqlDataSource dataSource, Rechtsregeltabelle regeln, IKalender kalender, ILogger<FallLoeschung> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(regeln);
        ArgumentNullException.ThrowIfNull(kalender);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _regeln = regeln;
        _kalender = kalender;
        _logger = logger;
    }

    public async ValueTask DisposeAsync()
    {
        if (_quelleEigen)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Fälle selected per query of the run (each then in its own transaction).</summary>
    public int StapelGroesse { get; init; } = 500;

    /// <summary>The INSERT … SELECT that writes the anonymised copy of a Fall, built once from the catalogue.</summary>
    internal static string FallKopieSql { get; } = KopieSql("faelle", "FROM faelle f JOIN klienten k ON k.id = f.klient_id WHERE f.id = @alt");

    /// <summary>The INSERT … SELECT that copies a Fall's referrals under their new ids (<c>@u_alt[i]</c> → <c>@u_neu[i]</c>).</summary>
    internal static string UeberleitungKopieSql { get; } =
        KopieSql("ueberleitungen", "FROM ueberleitungen f JOIN unnest(@u_alt, @u_neu) m(alt, neu) ON m.alt = f.id").Replace("@neue_id", "m.neu", StringComparison.Ordinal);

    /// <summary>
    /// One run for every tenant with due Fälle; <paramref name="probelauf"/>: only count and list what would be erased
    /// (recorded as a dry run). Returns an empty list when another instance is running the job.
    /// </summary>
    public async Task<IReadOnlyList<Loeschlaufergebnis>?> LaufAsync(bool probelauf, CancellationToken ct)
    {
        await using var sperre = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var versuch = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", sperre))
        {
            versuch.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SperrSchluessel });
            if (!(bool)(await versuch.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return null;
            }
        }

        try
        {
            var heute = _kalender.Heute;
            var laeufe = new List<Loeschlaufergebnis>();
            if (!_regeln.TryWert(Regeln.AufbewahrungFallakte, heute, out var frist))
            {
                // No period in force today (a gap in the dated rows): nothing is due.
                return laeufe;
            }

            foreach (var mandant in await MandantenAsync(probelauf, frist, heute, ct).ConfigureAwait(false))
            {
                laeufe.Add(probelauf
                    ? await ProbelaufAsync(mandant, frist, heute, ct).ConfigureAwait(false)
                    : await AnonymisierenAsync(mandant, frist, heute, ct).ConfigureAwait(false));
            }

            return laeufe;
        }
        finally
        {
            await using var frei = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", sperre);
            frei.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SperrSchluessel });
            await frei.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Tenants with due Fälle; for a real run only those with a due Fall that is not held (a run that could erase nothing is not recorded).</summary>
    private async Task<List<string>> MandantenAsync(bool probelauf, Frist frist, DateOnly heute, CancellationToken ct)
    {
        await using var befehl = _dataSource.CreateCommand(
            $"SELECT DISTINCT f.mandant FROM faelle f WHERE {FaelligSql}{(probelauf ? string.Empty : $" AND NOT {AktiveSperreSql}")} ORDER BY 1");
        Parameter(befehl.Parameters, frist, heute);
        var liste = new List<string>();
        await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await leser.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(leser.GetString(0));
        }

        return liste;
    }

    private async Task<Loeschlaufergebnis> ProbelaufAsync(string mandant, Frist frist, DateOnly heute, CancellationToken ct)
    {
        var alle = await FaelligeAsync(_dataSource, mandant, frist, heute, mitGesperrten: true, int.MaxValue, ct).ConfigureAwait(false);
        var faelle = alle.Where(f => !f.Gesperrt).Select(f => f.Fall).ToList();
        var gesperrt = alle.Count - faelle.Count;
        var ids = faelle.Select(f => f.FallId).ToArray();
        var zeilen = await ZeilenZaehlenAsync(ids, ct).ConfigureAwait(false);
        long klienten;
        await using (var befehl = _dataSource.CreateCommand("""
            SELECT count(DISTINCT f.klient_id) FROM faelle f
            WHERE f.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM faelle g WHERE g.klient_id = f.klient_id AND NOT g.id = ANY($1))
            """))
        {
            befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
            klienten = (long)(await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        var lauf = new Loeschlaufergebnis(Guid.CreateVersion7(), mandant, true, heute, frist, faelle.Count + gesperrt, gesperrt, 0, (int)klienten, zeilen, faelle);
        await using (var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false))
        {
            await ProtokollAnlegenAsync(verbindung, null, lauf.Id, mandant, "Frist", probelauf: true, heute, beendet: true, lauf.Faellig, gesperrt, lauf.KlientenGeloescht, zeilen, ct).ConfigureAwait(false);
        }

        LogProbelauf(_logger, lauf.Faellig, gesperrt);
        return lauf;
    }

    private async Task<Loeschlaufergebnis> AnonymisierenAsync(string mandant, Frist frist, DateOnly heute, CancellationToken ct)
    {
        var laufId = Guid.CreateVersion7();
        int faellig;
        int gesperrt;
        await using (var befehl = _dataSource.CreateCommand(
            $"SELECT count(*)::int, count(*) FILTER (WHERE {AktiveSperreSql})::int FROM faelle f WHERE f.mandant = @mandant AND {FaelligSql}"))
        {
            Parameter(befehl.Parameters, frist, heute);
            befehl.Parameters.AddWithValue("mandant", mandant);
            await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await leser.ReadAsync(ct).ConfigureAwait(false);
            faellig = leser.GetInt32(0);
            gesperrt = leser.GetInt32(1);
        }

        await using (var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false))
        {
            await ProtokollAnlegenAsync(verbindung, null, laufId, mandant, "Frist", probelauf: false, heute, beendet: false, faellig, gesperrt, 0, null, ct).ConfigureAwait(false);
        }

        var anonymisiert = 0;
        var klienten = 0;
        var zeilen = new Dictionary<string, long>(StringComparer.Ordinal);
        var uebersprungen = new HashSet<Guid>();
        while (true)
        {
            var stapel = await StapelAsync(mandant, frist, heute, uebersprungen, ct).ConfigureAwait(false);
            if (stapel.Count == 0)
            {
                break;
            }

            foreach (var id in stapel)
            {
                var ergebnis = await FallAnonymisierenAsync(id, laufId, frist, heute, ct).ConfigureAwait(false);
                if (ergebnis is not { } e)
                {
                    // No longer due (changed, held, or taken by a concurrent run): not selected again in this run.
                    uebersprungen.Add(id);
                    continue;
                }

                anonymisiert++;
                klienten += e.KlientGeloescht ? 1 : 0;
                foreach (var (tabelle, anzahl) in e.Zeilen)
                {
                    zeilen[tabelle] = zeilen.GetValueOrDefault(tabelle) + anzahl;
                }
            }
        }

        await using (var befehl = _dataSource.CreateCommand("UPDATE loeschlaeufe SET beendet_am = now() WHERE id = $1"))
        {
            befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = laufId });
            await befehl.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        LogLauf(_logger, anonymisiert, faellig, gesperrt);
        return new Loeschlaufergebnis(laufId, mandant, false, heute, frist, faellig, gesperrt, anonymisiert, klienten, zeilen, []);
    }

    private async Task<List<Guid>> StapelAsync(string mandant, Frist frist, DateOnly heute, HashSet<Guid> ausser, CancellationToken ct)
    {
        await using var befehl = _dataSource.CreateCommand(
            $"SELECT f.id FROM faelle f WHERE f.mandant = @mandant AND {FaelligSql} AND NOT {AktiveSperreSql} AND NOT f.id = ANY(@ausser) ORDER BY f.id LIMIT @n");
        Parameter(befehl.Parameters, frist, heute);
        befehl.Parameters.AddWithValue("mandant", mandant);
        befehl.Parameters.Add(new NpgsqlParameter("ausser", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ausser.ToArray() });
        befehl.Parameters.AddWithValue("n", StapelGroesse);
        var liste = new List<Guid>();
        await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await leser.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(leser.GetGuid(0));
        }

        return liste;
    }

    /// <summary>Anonymises one Fall in one transaction; null when it is (no longer) due under the lock.</summary>
    internal async Task<(bool KlientGeloescht, Dictionary<string, long> Zeilen)?> FallAnonymisierenAsync(
        Guid alt, Guid laufId, Frist frist, DateOnly heute, CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await verbindung.BeginTransactionAsync(ct).ConfigureAwait(false);

        Guid klient;
        await using (var befehl = new NpgsqlCommand(
            $"SELECT f.klient_id FROM faelle f WHERE f.id = @alt AND {FaelligSql} AND NOT {AktiveSperreSql} FOR UPDATE", verbindung, tx))
        {
            Parameter(befehl.Parameters, frist, heute);
            befehl.Parameters.AddWithValue("alt", alt);
            if (await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false) is not Guid k)
            {
                return null;
            }

            klient = k;
        }

        var ergebnis = await InTransaktionAnonymisierenAsync(verbindung, tx, alt, klient, laufId, heute, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return ergebnis;
    }

    /// <summary>
    /// Erasure on request (Art. 17 DSGVO): one Fall of the tenant, now, whatever its period, if its process track is
    /// closed and it is not held; in one transaction with its own erasure record (<c>anlass</c> 'Antrag').
    /// </summary>
    public async Task<EinzelloeschungErgebnis> AnonymisierenAsync(Guid fallId, string mandant, CancellationToken ct)
    {
        var heute = _kalender.Heute;
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await verbindung.BeginTransactionAsync(ct).ConfigureAwait(false);
        Guid klient;
        await using (var befehl = new NpgsqlCommand(
            $"SELECT f.klient_id, f.prozess_zustand = ANY(@beendet), {AktiveSperreSql} FROM faelle f WHERE f.id = @alt AND f.mandant = @mandant AND f.anonymisiert_am IS NULL FOR UPDATE",
            verbindung,
            tx))
        {
            Parameter(befehl.Parameters, default, heute);
            befehl.Parameters.AddWithValue("alt", fallId);
            befehl.Parameters.AddWithValue("mandant", mandant);
            await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await leser.ReadAsync(ct).ConfigureAwait(false))
            {
                return EinzelloeschungErgebnis.NichtGefunden;
            }

            if (!leser.GetBoolean(1))
            {
                return EinzelloeschungErgebnis.NichtBeendet;
            }

            if (leser.GetBoolean(2))
            {
                return EinzelloeschungErgebnis.Gesperrt;
            }

            klient = leser.GetGuid(0);
        }

        var laufId = Guid.CreateVersion7();
        await ProtokollAnlegenAsync(verbindung, tx, laufId, mandant, "Antrag", probelauf: false, heute, beendet: true, 1, 0, 0, null, ct).ConfigureAwait(false);
        await InTransaktionAnonymisierenAsync(verbindung, tx, fallId, klient, laufId, heute, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        LogAntrag(_logger);
        return EinzelloeschungErgebnis.Anonymisiert;
    }

    /// <summary>The anonymisation of the locked Fall <paramref name="alt"/> within <paramref name="tx"/> (committed by the caller).</summary>
    private static async Task<(bool KlientGeloescht, Dictionary<string, long> Zeilen)> InTransaktionAnonymisierenAsync(
        NpgsqlConnection verbindung, NpgsqlTransaction tx, Guid alt, Guid klient, Guid laufId, DateOnly heute, CancellationToken ct)
    {
        var zeilen = await ZeilenZaehlenAsync(verbindung, tx, [alt], ct).ConfigureAwait(false);
        var ueberleitungenAlt = new List<Guid>();
        await using (var befehl = new NpgsqlCommand("SELECT id FROM ueberleitungen WHERE fall_id = @alt ORDER BY id", verbindung, tx))
        {
            befehl.Parameters.AddWithValue("alt", alt);
            await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await leser.ReadAsync(ct).ConfigureAwait(false))
            {
                ueberleitungenAlt.Add(leser.GetGuid(0));
            }
        }

        var neu = Guid.NewGuid();
        var ueberleitungenNeu = ueberleitungenAlt.Select(_ => Guid.NewGuid()).ToArray();
        await using var stapel = new NpgsqlBatch(verbindung, tx);
        NpgsqlBatchCommand Befehl(string sql)
        {
            var b = new NpgsqlBatchCommand(sql);
            b.Parameters.AddWithValue("alt", alt);
            b.Parameters.AddWithValue("neu", neu);
            b.Parameters.AddWithValue("heute", heute);
            b.Parameters.Add(new NpgsqlParameter("u_alt", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ueberleitungenAlt.ToArray() });
            b.Parameters.Add(new NpgsqlParameter("u_neu", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ueberleitungenNeu });
            stapel.BatchCommands.Add(b);
            return b;
        }

        Befehl(FallKopieSql);
        Befehl(UeberleitungKopieSql);
        Befehl("SELECT fall_ereignisse_anonymisieren(@alt, @neu, @u_alt, @u_neu, @parameter)")
            .Parameters.Add(new NpgsqlParameter("parameter", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Datenkatalog.BehalteneEreignisParameter.ToArray() });
        Befehl("UPDATE themen SET fall_id = @neu WHERE fall_id = @alt");
        Befehl(TerminMeldungenLoeschenSql);
        foreach (var tabelle in Datenkatalog.Tabellen.Where(t => t.Fallbezug == Fallbezug.Verweis && t.Name != "termin_meldungen"))
        {
            Befehl($"DELETE FROM {tabelle.Name} WHERE fall_id = @alt");
        }

        // The child rows go with the Fall's row (ON DELETE CASCADE, run as the table owner); the client with their last Fall.
        Befehl("DELETE FROM faelle WHERE id = @alt");
        Befehl("""
            WITH k AS (DELETE FROM klienten WHERE id = @klient AND NOT EXISTS (SELECT 1 FROM faelle WHERE klient_id = @klient) RETURNING 1)
            UPDATE loeschlaeufe l
            SET anonymisiert = l.anonymisiert + 1,
                klienten_geloescht = l.klienten_geloescht + (SELECT count(*) FROM k),
                zeilen_geloescht = (SELECT coalesce(jsonb_object_agg(s.key, coalesce((l.zeilen_geloescht ->> s.key)::bigint, 0) + coalesce((@zeilen::jsonb ->> s.key)::bigint, 0)), '{}'::jsonb)
                                    FROM jsonb_object_keys(l.zeilen_geloescht || @zeilen::jsonb) s(key))
            WHERE l.id = @lauf
            RETURNING (SELECT count(*) FROM k)
            """).Parameters.AddRange(new[]
            {
                new NpgsqlParameter("klient", NpgsqlDbType.Uuid) { Value = klient },
                new NpgsqlParameter("zeilen", NpgsqlDbType.Text) { Value = JsonSerializer.Serialize(zeilen) },
                new NpgsqlParameter("lauf", NpgsqlDbType.Uuid) { Value = laufId },
            });

        long klientGeloescht = 0;
        await using (var leser = await stapel.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            do
            {
                while (await leser.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (leser.FieldCount == 1 && leser.GetFieldType(0) == typeof(long))
                    {
                        klientGeloescht = leser.GetInt64(0);
                    }
                }
            }
            while (await leser.NextResultAsync(ct).ConfigureAwait(false));
        }

        return (klientGeloescht > 0, zeilen);
    }

    /// <summary>
    /// The due Fälle of a tenant (<see cref="FaelligSql"/>), oldest closing first, each with whether it is held; without
    /// the held ones unless <paramref name="mitGesperrten"/>. The one query behind the dry run and the overview's preview.
    /// </summary>
    internal static async Task<List<(FaelligerFallZurLoeschung Fall, bool Gesperrt)>> FaelligeAsync(
        NpgsqlDataSource quelle, string mandant, Frist frist, DateOnly heute, bool mitGesperrten, int hoechstens, CancellationToken ct)
    {
        // Under the request's Mandant when a Kommune's Datenschutz asks (the preview); installation-wide in the erasure run.
        var abfrage = new NpgsqlBatchCommand($"""
            SELECT f.id, f.aktenzeichen, f.prozess_zustand, f.prozess_seit, {AktiveSperreSql} FROM faelle f
            WHERE f.mandant = @mandant AND {FaelligSql}{(mitGesperrten ? string.Empty : $" AND NOT {AktiveSperreSql}")}
            ORDER BY f.prozess_seit, f.aktenzeichen LIMIT @n
            """);
        Parameter(abfrage.Parameters, frist, heute);
        abfrage.Parameters.AddWithValue("mandant", mandant);
        abfrage.Parameters.AddWithValue("n", hoechstens);
        var liste = new List<(FaelligerFallZurLoeschung, bool)>();
        await using var befehl = MandantKontext.Einzeln(quelle, abfrage);
        await using var leser = await MandantKontext.LesenAsync(befehl, ct).ConfigureAwait(false);
        while (await leser.ReadAsync(ct).ConfigureAwait(false))
        {
            var seit = leser.GetFieldValue<DateOnly>(3);
            liste.Add((new FaelligerFallZurLoeschung(leser.GetGuid(0), leser.GetString(1), leser.GetString(2), seit, frist.Ende(seit).AddDays(1)), leser.GetBoolean(4)));
        }

        return liste;
    }

    /// <summary>A row of the erasure record: a dry run (finished at once), a run (its counts grow with each Fall) or an erasure on request.</summary>
    private static async Task ProtokollAnlegenAsync(
        NpgsqlConnection verbindung, NpgsqlTransaction? tx, Guid laufId, string mandant, string anlass, bool probelauf, DateOnly heute, bool beendet,
        int faellig, int gesperrt, int klientenGeloescht, IReadOnlyDictionary<string, long>? zeilen, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand("""
            INSERT INTO loeschlaeufe (id, mandant, anlass, probelauf, stichtag, gestartet_am, beendet_am, faellig, gesperrt, anonymisiert, klienten_geloescht, zeilen_geloescht)
            VALUES (@lauf, @mandant, @anlass, @probelauf, @heute, now(), CASE WHEN @beendet THEN now() END, @faellig, @gesperrt, 0, @klienten, @zeilen::jsonb)
            """, verbindung, tx);
        befehl.Parameters.AddWithValue("lauf", laufId);
        befehl.Parameters.AddWithValue("mandant", mandant);
        befehl.Parameters.AddWithValue("anlass", anlass);
        befehl.Parameters.AddWithValue("probelauf", probelauf);
        befehl.Parameters.Add(new NpgsqlParameter("heute", NpgsqlDbType.Date) { Value = heute });
        befehl.Parameters.AddWithValue("beendet", beendet);
        befehl.Parameters.AddWithValue("faellig", faellig);
        befehl.Parameters.AddWithValue("gesperrt", gesperrt);
        befehl.Parameters.AddWithValue("klienten", klientenGeloescht);
        befehl.Parameters.Add(new NpgsqlParameter("zeilen", NpgsqlDbType.Text) { Value = JsonSerializer.Serialize(zeilen ?? new Dictionary<string, long>()) });
        await befehl.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Sent-reminder keys of the Fall's follow-ups (<c>wv:&lt;id&gt;</c> or <c>wv:&lt;id&gt;|&lt;recipient&gt;</c>, see TerminPruefung).</summary>
    private const string TerminMeldungenLoeschenSql =
        "DELETE FROM termin_meldungen WHERE split_part(schluessel, '|', 1) IN (SELECT 'wv:' || w.id::text FROM wiedervorlagen w WHERE w.fall_id = @alt)";

    /// <summary>Rows that go with the given Fälle, per table: child rows, rows naming them, sent-reminder keys (counts only).</summary>
    private async Task<Dictionary<string, long>> ZeilenZaehlenAsync(Guid[] faelle, CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await ZeilenZaehlenAsync(verbindung, null, faelle, ct).ConfigureAwait(false);
    }

    private static readonly string ZaehlenSql = string.Join(", ",
        Datenkatalog.Tabellen
            .Where(t => t.Fallbezug is Fallbezug.Kind or Fallbezug.Verweis && t.Name != "termin_meldungen")
            .Select(t => $"(SELECT count(*) FROM {t.Name} WHERE fall_id = ANY(@faelle))")
            .Append("(SELECT count(*) FROM termin_meldungen WHERE split_part(schluessel, '|', 1) IN (SELECT 'wv:' || w.id::text FROM wiedervorlagen w WHERE w.fall_id = ANY(@faelle)))"));

    private static readonly string[] ZaehlTabellen =
    [
        .. Datenkatalog.Tabellen.Where(t => t.Fallbezug is Fallbezug.Kind or Fallbezug.Verweis && t.Name != "termin_meldungen").Select(t => t.Name),
        "termin_meldungen",
    ];

    private static async Task<Dictionary<string, long>> ZeilenZaehlenAsync(NpgsqlConnection verbindung, NpgsqlTransaction? tx, Guid[] faelle, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand($"SELECT {ZaehlenSql}", verbindung, tx);
        befehl.Parameters.Add(new NpgsqlParameter("faelle", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = faelle });
        await using var leser = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await leser.ReadAsync(ct).ConfigureAwait(false);
        var zeilen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < ZaehlTabellen.Length; i++)
        {
            zeilen[ZaehlTabellen[i]] = leser.GetInt64(i);
        }

        return zeilen;
    }

    /// <summary>The parameters of <see cref="FaelligSql"/> and <see cref="AktiveSperreSql"/>.</summary>
    public static void Parameter(NpgsqlParameterCollection p, Frist frist, DateOnly heute)
    {
        p.Add(new NpgsqlParameter("beendet", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Spurregister.Prozess.BeendeteZustaende.ToArray() });
        p.AddWithValue("jahre", frist.Jahre);
        p.AddWithValue("monate", frist.Monate);
        p.AddWithValue("tage", frist.Tage + ((frist.Stunden + 23) / 24));
        p.Add(new NpgsqlParameter("heute", NpgsqlDbType.Date) { Value = heute });
    }

    private static string KopieSql(string tabelle, string quelle)
    {
        var spalten = Datenkatalog.Tabelle(tabelle).Spalten;
        return $"INSERT INTO {tabelle} ({string.Join(", ", spalten.Select(s => s.Name))}) "
            + $"SELECT {string.Join(", ", spalten.Select(s => s.Anonym ?? throw new InvalidOperationException($"{tabelle}.{s.Name}: keine Angabe für die anonymisierte Kopie")))} {quelle}";
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Löschlauf: {Anonymisiert} Fälle anonymisiert ({Faellig} fällig, {Gesperrt} gesperrt).")]
    private static partial void LogLauf(ILogger logger, int anonymisiert, int faellig, int gesperrt);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Löschung auf Antrag: ein Fall anonymisiert.")]
    private static partial void LogAntrag(ILogger logger);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Löschlauf (Probelauf): {Faellig} Fälle fällig, {Gesperrt} gesperrt.")]
    private static partial void LogProbelauf(ILogger logger, int faellig, int gesperrt);
}
