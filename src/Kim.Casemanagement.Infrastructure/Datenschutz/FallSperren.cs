using System.Data;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Sperrung;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Idempotenz;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The holds of the tenant's Fälle (<c>fall_sperren</c>, migration 0010) on Npgsql. A change runs in one explicit
/// transaction that first locks the Fall's row (<c>SELECT … FROM faelle WHERE id = … FOR UPDATE</c>): every later
/// statement of it sees what was committed before the lock was granted, a write to the Fall (whose save updates that
/// row) waits for it or it for the write, and the erasure of the Fall, which locks the same row, as well. Completing
/// it raises the Fall's version, so that a change loaded before the hold was set fails its version check, and writes
/// the request's audit entries and idempotency key in the same transaction. The transaction runs under the request's
/// Mandant (row-level security, ADR 0014): a Fall of another Kommune is not found, whatever id the request passed.
/// </summary>
internal sealed class FallSperren(Datenbank datenbank, IAuditProtokoll audit, IdempotenzKontext idempotenz, TimeProvider zeit) : IFallSperren
{

    public async Task<ISperrvorgang?> OeffnenAsync(Guid fallId, DateOnly heute, CancellationToken ct)
    {
        var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaktion = null;
        try
        {
            transaktion = await verbindung.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

            // Under the request's Mandant for the whole transaction (ADR 0014): the lock, the holds, the version, the audit
            // rows and the replay key see and write only the request's Kommune, whatever Fall id was passed.
            await MandantKontext.TransaktionEinschraenkenAsync(verbindung, ct);
            (string Mandant, string Aktenzeichen, Guid? KlientId)? fall = null;
            await using (var sperren = new NpgsqlCommand("SELECT f.mandant, f.aktenzeichen, f.klient_id FROM faelle f WHERE f.id = $1 AND f.anonymisiert_am IS NULL FOR UPDATE", verbindung, transaktion))
            {
                sperren.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
                await using var leser = await sperren.ExecuteReaderAsync(ct);
                if (await leser.ReadAsync(ct))
                {
                    fall = (leser.GetString(0), leser.GetString(1), leser.IsDBNull(2) ? null : leser.GetGuid(2));
                }
            }

            if (fall is not { } f)
            {
                await transaktion.DisposeAsync();
                await verbindung.DisposeAsync();
                return null;
            }

            // A statement after the lock: its snapshot holds every hold committed before the lock was granted.
            SperreDetail? offen = null;
            await using (var befehl = new NpgsqlCommand(
                $"SELECT {Spalten("$2")} FROM fall_sperren s JOIN faelle f ON f.id = s.fall_id WHERE s.fall_id = $1 AND s.aufgehoben_am IS NULL", verbindung, transaktion))
            {
                befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
                befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = heute });
                await using var leser = await befehl.ExecuteReaderAsync(ct);
                if (await leser.ReadAsync(ct))
                {
                    offen = Lesen(leser);
                }
            }

            return new Vorgang(audit, idempotenz, zeit, verbindung, transaktion, fallId, f.Mandant, f.Aktenzeichen, f.KlientId, offen, heute);
        }
        catch
        {
            if (transaktion is not null)
            {
                await transaktion.DisposeAsync();
            }

            await verbindung.DisposeAsync();
            throw;
        }
    }

    public async Task<Seite<SperreDetail>> SuchenAsync(string mandant, SperrenFilter filter, DateOnly heute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var bedingung = "s.mandant = $1 AND ($3::uuid IS NULL OR s.fall_id = $3)"
            + filter.Aktiv switch
            {
                true => " AND " + FallSperrung.Aktiv("s", "$2"),
                false => " AND NOT " + FallSperrung.Aktiv("s", "$2"),
                null => string.Empty,
            };
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var batch = MandantKontext.Eingeschraenkt(new NpgsqlBatch(verbindung)
        {
            BatchCommands =
            {
                Befehl($"SELECT count(*) FROM fall_sperren s WHERE {bedingung}", mandant, heute, filter, null),
                Befehl(
                    $"SELECT {Spalten("$2")} FROM fall_sperren s JOIN faelle f ON f.id = s.fall_id WHERE {bedingung} ORDER BY s.gesetzt_am DESC, s.id LIMIT $4 OFFSET $5",
                    mandant, heute, filter, (filter.Groesse, (filter.Seite - 1) * filter.Groesse)),
            },
        });
        await using var leser = await MandantKontext.LesenAsync(batch, ct);
        await leser.ReadAsync(ct);
        var gesamt = (int)leser.GetInt64(0);
        await leser.NextResultAsync(ct);
        var eintraege = new List<SperreDetail>();
        while (await leser.ReadAsync(ct))
        {
            eintraege.Add(Lesen(leser));
        }

        return new Seite<SperreDetail>(eintraege, gesamt, filter.Seite, filter.Groesse);
    }

    public async Task<Guid?> FallIdAsync(string mandant, string aktenzeichen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aktenzeichen);
        await using var befehl = MandantKontext.Einzeln(
            datenbank.DataSource,
            "SELECT id FROM faelle WHERE mandant = $1 AND aktenzeichen = $2 AND anonymisiert_am IS NULL",
            new NpgsqlParameter<string> { TypedValue = mandant },
            new NpgsqlParameter<string> { TypedValue = aktenzeichen.ToUpperInvariant() });
        return await MandantKontext.SkalarAsync(befehl, ct) is Guid id ? id : null;
    }

    /// <summary>
    /// The columns of a hold with its status on <paramref name="heute"/> (alias <c>s</c> = fall_sperren) and the Fall's
    /// file number <paramref name="aktenzeichen"/> (a column such as <c>f.aktenzeichen</c>, or a placeholder).
    /// </summary>
    private static string Spalten(string heute, string aktenzeichen = "f.aktenzeichen") =>
        $"s.id, s.fall_id, {aktenzeichen}, "
        + $"CASE WHEN s.aufgehoben_am IS NOT NULL THEN '{SperreDetail.Aufgehoben}' WHEN {FallSperrung.Aktiv("s", heute)} THEN '{SperreDetail.Aktiv}' ELSE '{SperreDetail.Abgelaufen}' END, "
        + "s.grund, s.bis, s.gesetzt_am, s.gesetzt_von, s.aufgehoben_am, s.aufgehoben_von, s.aufhebungsgrund";

    private static SperreDetail Lesen(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetGuid(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
        r.GetFieldValue<DateTimeOffset>(6),
        r.GetString(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10));

    private static NpgsqlBatchCommand Befehl(string sql, string mandant, DateOnly heute, SperrenFilter filter, (int Groesse, int Versatz)? seite)
    {
        var befehl = new NpgsqlBatchCommand(sql);
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = heute });
        befehl.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = filter.FallId is { } id ? id : DBNull.Value });
        if (seite is { } s)
        {
            befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = s.Groesse });
            befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = s.Versatz });
        }

        return befehl;
    }

    /// <summary>One change of the holds of one Fall, under its row lock until completed or disposed.</summary>
    private sealed class Vorgang(
        IAuditProtokoll audit, IdempotenzKontext idempotenz, TimeProvider zeit, NpgsqlConnection verbindung, NpgsqlTransaction transaktion, Guid fallId, string mandant, string aktenzeichen, Guid? klientId, SperreDetail? offen, DateOnly heute)
        : ISperrvorgang
    {
        private bool _abgeschlossen;

        public string Mandant => mandant;

        public string Aktenzeichen => aktenzeichen;

        public Guid? KlientId => klientId;

        public SperreDetail? Offen { get; private set; } = offen;

        public async Task<SperreDetail> SetzenAsync(NeueSperre sperre, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(sperre);
            await using var befehl = new NpgsqlCommand(
                $"""
                INSERT INTO fall_sperren AS s (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                RETURNING {Spalten("$8", "$9")}
                """,
                verbindung,
                transaktion);
            befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sperre.Id });
            befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sperre.Grund });
            befehl.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = sperre.Bis is { } bis ? bis : DBNull.Value });
            befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = sperre.GesetztAm.ToUniversalTime() });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sperre.GesetztVon });
            befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = heute });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = aktenzeichen });
            return Offen = await EineZeileAsync(befehl, ct);
        }

        public async Task<SperreDetail> AufhebenAsync(string grund, string von, DateTimeOffset am, CancellationToken ct)
        {
            var sperre = Offen ?? throw new InvalidOperationException("There is no hold to lift.");
            await using var befehl = new NpgsqlCommand(
                $"""
                UPDATE fall_sperren AS s SET aufgehoben_am = $2, aufgehoben_von = $3, aufhebungsgrund = $4
                WHERE s.id = $1 AND s.aufgehoben_am IS NULL
                RETURNING {Spalten("$5", "$6")}
                """,
                verbindung,
                transaktion);
            befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sperre.Id });
            befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = am.ToUniversalTime() });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = von });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grund });
            befehl.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = heute });
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = aktenzeichen });
            var aufgehoben = await EineZeileAsync(befehl, ct);
            Offen = null;
            return aufgehoben;
        }

        public async Task AbschliessenAsync(CancellationToken ct)
        {
            var jetzt = zeit.GetUtcNow();
            await using var batch = new NpgsqlBatch(verbindung, transaktion);
            var version = new NpgsqlBatchCommand("UPDATE faelle SET version = version + 1 WHERE id = $1");
            version.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
            batch.BatchCommands.Add(version);
            var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK).Select(e => AuditSql.Bereinigen(e, jetzt)).ToList() : [];
            foreach (var eintrag in protokoll)
            {
                batch.BatchCommands.Add(FallZeilen.Befehl(AuditEinfuegenSql, AuditSql.Schreibspalten, eintrag));
            }

            if (idempotenz.Schluessel is not null)
            {
                var schluessel = new NpgsqlBatchCommand("INSERT INTO idempotenz (benutzer_id, schluessel, anfrage_hash, fall_id, erstellt_am) VALUES ($1, $2, $3, $4, $5)");
                schluessel.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotenz.BenutzerId! });
                schluessel.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotenz.Schluessel });
                schluessel.Parameters.Add(new NpgsqlParameter<string> { TypedValue = idempotenz.AnfrageHash });
                schluessel.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fallId });
                schluessel.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = jetzt });
                batch.BatchCommands.Add(schluessel);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(ct);
                await transaktion.CommitAsync(ct);
            }
            catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotenz" })
            {
                throw new WiederholteAnfrageException(e);
            }

            _abgeschlossen = true;
            if (idempotenz.Schluessel is not null)
            {
                idempotenz.AlsGespeichertMarkieren();
            }

            audit.AlsGespeichertMarkieren();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_abgeschlossen)
            {
                // Not completed (refused, failed, cancelled): nothing of it stays, and the lock is released.
                try
                {
                    await transaktion.RollbackAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The connection broke: the server rolls back on its own.
                }
            }

            await transaktion.DisposeAsync();
            await verbindung.DisposeAsync();
        }

        private static async Task<SperreDetail> EineZeileAsync(NpgsqlCommand befehl, CancellationToken ct)
        {
            await using var leser = await befehl.ExecuteReaderAsync(ct);
            if (!await leser.ReadAsync(ct))
            {
                throw new InvalidOperationException("The hold was changed outside its Fall's lock.");
            }

            return Lesen(leser);
        }
    }

    private static readonly string AuditEinfuegenSql = FallZeilen.EinfuegenSql("audit_protokoll", AuditSql.Schreibspalten);
}
