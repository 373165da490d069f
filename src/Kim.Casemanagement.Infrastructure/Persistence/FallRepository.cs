using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Idempotenz;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// The Fall aggregate on the hot path, with Npgsql batches instead of EF Core (why: ADR 0003):
/// <list type="bullet">
/// <item>Loading is one round trip: the Fall with its client, and the rows of its five child tables in one more statement.</item>
/// <item>Saving is one round trip too: one batch, which PostgreSQL runs as one implicit transaction (committed at its
/// end, rolled back as a whole if any statement fails): the Fall row guarded by the loaded version (someone else's
/// change in between fails the batch and is a <see cref="KonfliktException"/>), the child rows that are new, changed or
/// gone (compared with a snapshot of what was loaded), the new events, notes and hand-overs, the request's audit
/// entries, the idempotency key and the notices.</item>
/// </list>
/// One instance per scope (unit of work); it remembers the snapshot of each Fall it loaded for saving.
/// <para>
/// Holds (Sperrung, Art. 18 DSGVO; docs/adr/0008-sperrung.md): every load reads the Fall's active hold in the same round
/// trip (never from a cache), and a save refuses a held Fall in its one statement: the Fall row is only updated while no
/// hold is active, and setting a hold raises the version under the Fall's row lock, so that a change loaded before it
/// fails as well. Such a refusal is a <see cref="FallGesperrtException"/>.
/// </para>
/// </summary>
internal sealed class FallRepository(Datenbank datenbank, FallZwischenspeicher zwischenspeicher, IAuditProtokoll audit, IBenachrichtigungen benachrichtigungen, BenachrichtigungsWecker wecker, TimeProvider zeit, IdempotenzKontext idempotenz, IKalender kalender) : IFallRepository
{
    /// <summary>The Fall's active hold, if any.</summary>
    private static readonly string SperreSql = FallSperrung.AktiveSperreSql("$1", "$2");

    /// <summary>
    /// The first statement of one load: the Fall with its client and its active hold (<see cref="FallSperrung.VermerkSpalten"/>
    /// after the Fall's columns, empty when it is not held); $1 the Fall's id, $2 today. The second is
    /// <see cref="FallZeilen.KinderAuswahlSql"/> (its child rows). One statement for the Fall and its hold instead of
    /// two: a cold read (the Fall not in the cache) is one statement less for PostgreSQL.
    /// </summary>
    private static readonly string FallMitSperreSql = FallZeilen.FallAuswahl(
        ", " + FallSperrung.VermerkSpalten, FallSperrung.VermerkJoin("f.id", "$2") + " ");

    /// <summary>The Fall's current version (is the cached row still the stored one?) and its active hold, in one statement.</summary>
    private static readonly string VersionSql =
        $"SELECT f.version, {FallSperrung.VermerkSpalten} FROM faelle f {FallSperrung.VermerkJoin("f.id", "$2")} WHERE f.id = $1";

    /// <summary>The client's row as corrected: every column of <see cref="FallZeilen.Klient"/> but its key, tenant and creation time.</summary>
    private static readonly string KlientBerichtigenSql = "UPDATE klienten SET "
        + string.Join(", ", FallZeilen.Klient.Select((spalte, i) => (spalte.Name, Nr: i + 1)).Where(s => s.Name is not ("id" or "mandant" or "erstellt_am")).Select(s => $"{s.Name} = ${s.Nr}"))
        + " WHERE id = $1 AND mandant = $2";

    private readonly Dictionary<Fall, Schnappschuss> _geladen = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<Fall, FallSperrvermerk> _gesperrt = new(ReferenceEqualityComparer.Instance);

    public async Task<Fall?> LadenAsync(Guid id, CancellationToken ct)
    {
        var (fall, zeilen, _, sperre) = await LadenUndZeilenAsync(id, geteilt: false, ct);
        if (fall is not null)
        {
            _geladen[fall] = Schnappschuss.Von(zeilen!);
            if (sperre is not null)
            {
                _gesperrt[fall] = sperre;
            }
        }

        return fall;
    }

    public async Task<GelesenerFall?> LesenAsync(Guid id, CancellationToken ct)
    {
        var (fall, zeilen, ausZwischenspeicher, sperre) = await LadenUndZeilenAsync(id, geteilt: true, ct);
        return fall is null ? null
            : ausZwischenspeicher ? new GelesenerFall(fall, () => Aufbauen(zeilen!), sperre)
            : new GelesenerFall(fall, () => fall, sperre);
    }

    public FallSperrvermerk? AktiveSperre(Fall fall) => _gesperrt.GetValueOrDefault(fall);

    /// <summary>
    /// The Fall, built from the cached rows when they belong to its current version (read first: one key lookup), else
    /// from the database (and then cached); with the rows it was built from and whether they came from the cache. With
    /// <paramref name="geteilt"/> (reads only), a cache hit answers the one instance built for that version and shared by
    /// all reads of it (built once instead of on every read; see <see cref="GelesenerFall"/>). The Fall's active hold is
    /// read from the database on every call, in the same round trip.
    /// </summary>
    private async Task<(Fall? Fall, FallZwischenspeicher.Eintrag? Zeilen, bool AusZwischenspeicher, FallSperrvermerk? Sperre)> LadenUndZeilenAsync(Guid id, bool geteilt, CancellationToken ct)
    {
        var heute = kalender.Heute;
        // Reads go through the multiplexed read pool (ADR 0015): both paths below are one batch each, an implicit transaction.
        await using var verbindung = await (geteilt ? datenbank.LeseDataSource : datenbank.EfDataSource).OpenConnectionAsync(ct);
        if (zwischenspeicher.Versuchen(id, out var bekannt))
        {
            await using var befehl = MandantKontext.Eingeschraenkt(new NpgsqlBatch(verbindung)
            {
                BatchCommands = { new NpgsqlBatchCommand(VersionSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id }, new NpgsqlParameter<DateOnly> { TypedValue = heute } } } },
            });
            int version;
            FallSperrvermerk? gesperrt;
            await using (var stand = await MandantKontext.LesenAsync(befehl, ct))
            {
                if (!await stand.ReadAsync(ct))
                {
                    zwischenspeicher.Entfernen(id);
                    return (null, null, false, null);
                }

                version = stand.GetInt32(0);
                gesperrt = SperreLesen(stand, 1);
            }

            if (version == bekannt.Version)
            {
                zwischenspeicher.Zaehlen(treffer: true);
                return (geteilt ? bekannt.Geteilt(Aufbauen) : Aufbauen(bekannt), bekannt, true, gesperrt);
            }
        }

        await using var batch = MandantKontext.Eingeschraenkt(new NpgsqlBatch(verbindung)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(FallMitSperreSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id }, new NpgsqlParameter<DateOnly> { TypedValue = heute } } },
                new NpgsqlBatchCommand(FallZeilen.KinderAuswahlSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } },
            },
        });
        await using var leser = await MandantKontext.LesenAsync(batch, ct);
        if (!await leser.ReadAsync(ct))
        {
            return (null, null, false, null);
        }

        var zeile = new Zeile(leser);
        var fall = FallZeilen.FallLesen(ref zeile);
        var sperre = SperreLesen(leser, FallZeilen.FallAuswahlBreite);
        await leser.NextResultAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            var art = leser.GetInt32(0);
            var kind = new Zeile(leser, FallZeilen.KinderOrdinale[art]);
            Hinzufuegen(fall, art, ref kind);
        }

        var zeilen = Zeilen(fall, Schnappschuss.Von(fall));
        zwischenspeicher.Zaehlen(treffer: false);
        zwischenspeicher.Setzen(id, zeilen);
        return (fall, zeilen, false, sperre);
    }

    /// <summary>The hold in the columns <see cref="FallSperrung.VermerkSpalten"/> from <paramref name="ordinal"/> on; null when they are empty (no active hold).</summary>
    private static FallSperrvermerk? SperreLesen(NpgsqlDataReader leser, int ordinal) =>
        leser.IsDBNull(ordinal) ? null : new FallSperrvermerk(leser.GetFieldValue<DateTimeOffset>(ordinal), leser.IsDBNull(ordinal + 1) ? null : leser.GetFieldValue<DateOnly>(ordinal + 1));

    /// <summary>The Fall's active hold now (after a save was refused).</summary>
    private async Task<FallSperrvermerk?> SperreAsync(Guid id, CancellationToken ct)
    {
        await using var befehl = MandantKontext.Einzeln(
            datenbank.EfDataSource, SperreSql, new NpgsqlParameter<Guid> { TypedValue = id }, new NpgsqlParameter<DateOnly> { TypedValue = kalender.Heute });
        await using var leser = await MandantKontext.LesenAsync(befehl, ct);
        return await leser.ReadAsync(ct) ? SperreLesen(leser, 0) : null;
    }

    /// <summary>A new Fall object from cached rows (each load gets its own objects; the rows are never changed).</summary>
    private static Fall Aufbauen(FallZwischenspeicher.Eintrag zeilen)
    {
        var zeile = new Zeile(zeilen.Fall);
        var fall = FallZeilen.FallLesen(ref zeile);
        for (var art = 0; art < zeilen.Kinder.Length; art++)
        {
            foreach (var werte in zeilen.Kinder[art])
            {
                var kind = new Zeile(werte);
                Hinzufuegen(fall, art, ref kind);
            }
        }

        return fall;
    }

    /// <summary>Adds a child row to the Fall's list; <paramref name="art"/> is the table's index in <see cref="FallZeilen.KinderReihenfolge"/>.</summary>
    private static void Hinzufuegen(Fall fall, int art, ref Zeile zeile)
    {
        switch (art)
        {
            case 0:
                FallZeilen.EinwilligungenVon(fall).Add(FallZeilen.Einwilligungen.Lesen(ref zeile));
                break;
            case 1:
                FallZeilen.ZieleVon(fall).Add(FallZeilen.Ziele.Lesen(ref zeile));
                break;
            case 2:
                FallZeilen.WiedervorlagenVon(fall).Add(FallZeilen.Wiedervorlagen.Lesen(ref zeile));
                break;
            case 3:
                FallZeilen.VertretungenVon(fall).Add(FallZeilen.Vertretungen.Lesen(ref zeile));
                break;
            default:
                FallZeilen.UeberleitungenVon(fall).Add(FallZeilen.Ueberleitungen.Lesen(ref zeile));
                break;
        }
    }

    /// <summary>The rows of the Fall as stored now: its own row and the child rows of <paramref name="gespeichert"/>, each table in load order.</summary>
    private static FallZwischenspeicher.Eintrag Zeilen(Fall fall, Schnappschuss gespeichert) => new(
        fall.Version,
        FallZeilen.FallWerte(fall),
        [
            Geordnet(FallZeilen.Einwilligungen, gespeichert.Einwilligungen),
            Geordnet(FallZeilen.Ziele, gespeichert.Ziele),
            Geordnet(FallZeilen.Wiedervorlagen, gespeichert.Wiedervorlagen),
            Geordnet(FallZeilen.Vertretungen, gespeichert.Vertretungen),
            Geordnet(FallZeilen.Ueberleitungen, gespeichert.Ueberleitungen),
        ]);

    private static List<object?[]> Geordnet<T>(Tabelle<T> tabelle, Dictionary<Guid, object?[]> zeilen)
        where T : class
    {
        var liste = zeilen.Values.ToList();
        liste.Sort(tabelle.Vergleichen);
        return liste;
    }

    public async Task HinzufuegenAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        await SchreibenAsync(fall, vorher: null, ct);
    }

    public async Task SpeichernAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (!_geladen.TryGetValue(fall, out var vorher))
        {
            throw new InvalidOperationException("Only a Fall loaded (or added) through this repository can be saved.");
        }

        await SchreibenAsync(fall, vorher, ct);
    }

    public async Task<string> NaechstesAktenzeichenAsync(DateOnly heute, CancellationToken ct)
    {
        await using var befehl = datenbank.EfDataSource.CreateCommand("SELECT nextval('aktenzeichen_seq')");
        var nummer = (long)(await befehl.ExecuteScalarAsync(ct))!;
        return string.Create(CultureInfo.InvariantCulture, $"KIM-{heute.Year}-{nummer:000000}");
    }

    /// <summary>Writes the Fall: all of it when <paramref name="vorher"/> is null (intake), else what changed since the snapshot.</summary>
    private async Task SchreibenAsync(Fall fall, Schnappschuss? vorher, CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var heute = kalender.Heute;
        var nachher = Schnappschuss.Leer(fall.Version);
        await using var verbindung = await datenbank.EfDataSource.OpenConnectionAsync(ct);

        // No explicit transaction: the statements of one batch run in an implicit transaction that commits when the
        // last one succeeded (with synchronous_commit, as any commit) and rolls back entirely when one fails.
        await using var batch = MandantKontext.Eingeschraenkt(new NpgsqlBatch(verbindung));
        var befehle = batch.BatchCommands;

        // The audit entries of this request go into the same transaction as the change they describe; the idempotency
        // key and the notices too: nothing un-committed is notified, and a committed change always has its key.
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK).Select(e => AuditSql.Bereinigen(e, jetzt)).ToList() : [];
        var offen = benachrichtigungen.Offen;
        void Teile(Sammelanweisung s)
        {
            if (vorher is not null)
            {
                FallZeilen.AendernTeil(s, fall, vorher.Version, heute);
            }

            if (fall.NeueEreignisse.Count > 0)
            {
                s.Einfuegen("e", "fall_ereignisse", FallZeilen.Ereignisse, fall.NeueEreignisse, mandant: fall.Mandant);
            }

            if (fall.NeueNotizen.Count > 0)
            {
                s.Einfuegen("no", "notizen", FallZeilen.Notizen, fall.NeueNotizen, mandant: fall.Mandant);
            }

            if (fall.NeueUebergaben.Count > 0)
            {
                s.Einfuegen("ue", "kompetenzprofil_uebergaben", FallZeilen.Uebergaben, fall.NeueUebergaben, mandant: fall.Mandant);
            }

            if (protokoll.Count > 0)
            {
                s.Einfuegen("a", "audit_protokoll", AuditSql.Schreibspalten, protokoll);
            }

            if (idempotenz.Schluessel is not null)
            {
                IdempotenzSpeicher.Teil(s, idempotenz, fall.Id, jetzt);
            }

            if (offen.Count > 0)
            {
                BenachrichtigungsSql.Teile(s, offen, jetzt);
            }
        }

        if (vorher is null)
        {
            // Intake: the client and the Fall first (the other rows refer to them).
            befehle.Add(FallZeilen.Befehl(FallZeilen.KlientEinfuegenSql, FallZeilen.Klient, (fall.Klient, fall.Mandant)));
            befehle.Add(FallZeilen.Befehl(FallZeilen.FallEinfuegenSql, FallZeilen.FallAlle, fall));
        }

        // One statement for the Fall row (version-checked before anything else is written), the appended rows, the
        // audit entries, the key and the notices; the child rows that changed follow as statements of their own.
        befehle.Add(Sammelanweisung.Befehl(Teile, vorher is null ? "SELECT 1" : FallZeilen.VersionPruefen));
        if (vorher is not null && fall.KlientGeaendert)
        {
            // A correction of the client's master data (Art. 16 DSGVO), after the version check of the statement above.
            befehle.Add(FallZeilen.Befehl(KlientBerichtigenSql, FallZeilen.Klient, (fall.Klient, fall.Mandant)));
        }

        var bisher = vorher ?? Schnappschuss.Leer(0);
        Kinder(befehle, FallZeilen.Einwilligungen, fall.Einwilligungen, bisher.Einwilligungen, nachher.Einwilligungen);
        Kinder(befehle, FallZeilen.Ziele, fall.Ziele, bisher.Ziele, nachher.Ziele);
        Kinder(befehle, FallZeilen.Wiedervorlagen, fall.Wiedervorlagen, bisher.Wiedervorlagen, nachher.Wiedervorlagen);
        Kinder(befehle, FallZeilen.Vertretungen, fall.Vertretungen, bisher.Vertretungen, nachher.Vertretungen);
        Kinder(befehle, FallZeilen.Ueberleitungen, fall.Ueberleitungen, bisher.Ueberleitungen, nachher.Ueberleitungen);

        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == FallZeilen.KonfliktSqlState)
        {
            // Someone else changed the Fall, or it is held (the row is not updated under an active hold; a hold set since
            // the load raised the version): say which.
            throw await SperreAsync(fall.Id, CancellationToken.None) is { } sperre
                ? new FallGesperrtException(sperre)
                : new KonfliktException(KonfliktException.StandardText, e);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotenz" })
        {
            throw new WiederholteAnfrageException(e);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_fall_ereignisse_fall_id_nr" or "ux_wiedervorlagen_fall_id_schluessel" })
        {
            // Someone else recorded a step (or the same keyed follow-up) on this Fall in the meantime.
            throw new KonfliktException(KonfliktException.StandardText, e);
        }

        // Left open on any failure above, the audit entries are written at the end of the request with its error status.
        if (idempotenz.Schluessel is not null)
        {
            idempotenz.AlsGespeichertMarkieren();
        }

        audit.AlsGespeichertMarkieren();
        if (offen.Count > 0)
        {
            benachrichtigungen.AlsGespeichertMarkieren();
            wecker.Wecken();
        }

        fall.Gespeichert();
        nachher.Version = fall.Version;
        _geladen[fall] = nachher;
        zwischenspeicher.Setzen(fall.Id, Zeilen(fall, nachher));
    }

    /// <summary>Adds the statements for the child rows that are new, changed or gone, and records their values as now stored.</summary>
    private static void Kinder<T>(NpgsqlBatchCommandCollection befehle, Tabelle<T> tabelle, IReadOnlyList<T> jetzt, Dictionary<Guid, object?[]> vorher, Dictionary<Guid, object?[]> nachher)
        where T : class
    {
        foreach (var zeile in jetzt)
        {
            var werte = tabelle.Werte(zeile);
            var id = tabelle.Schluessel(zeile);
            nachher[id] = werte;
            if (!vorher.TryGetValue(id, out var alt))
            {
                befehle.Add(tabelle.Einfuegen(werte));
            }
            else if (!Tabelle<T>.Gleich(alt, werte))
            {
                befehle.Add(tabelle.Aendern(werte));
            }
        }

        foreach (var id in vorher.Keys)
        {
            if (!nachher.ContainsKey(id))
            {
                befehle.Add(tabelle.Loeschen(id));
            }
        }
    }

    /// <summary>What was stored when the Fall was loaded or last saved: its version and the column values of each child row.</summary>
    private sealed class Schnappschuss
    {
        public int Version { get; set; }

        public Dictionary<Guid, object?[]> Einwilligungen { get; } = [];

        public Dictionary<Guid, object?[]> Ziele { get; } = [];

        public Dictionary<Guid, object?[]> Wiedervorlagen { get; } = [];

        public Dictionary<Guid, object?[]> Vertretungen { get; } = [];

        public Dictionary<Guid, object?[]> Ueberleitungen { get; } = [];

        public static Schnappschuss Leer(int version) => new() { Version = version };

        /// <summary>The snapshot of rows as loaded (cached or read).</summary>
        public static Schnappschuss Von(FallZwischenspeicher.Eintrag zeilen)
        {
            var s = Leer(zeilen.Version);
            Merken(zeilen.Kinder[0], s.Einwilligungen);
            Merken(zeilen.Kinder[1], s.Ziele);
            Merken(zeilen.Kinder[2], s.Wiedervorlagen);
            Merken(zeilen.Kinder[3], s.Vertretungen);
            Merken(zeilen.Kinder[4], s.Ueberleitungen);
            return s;
        }

        /// <summary>Cached rows by their key, the first column of every child table.</summary>
        private static void Merken(IReadOnlyList<object?[]> zeilen, Dictionary<Guid, object?[]> ziel)
        {
            foreach (var werte in zeilen)
            {
                ziel[(Guid)werte[0]!] = werte;
            }
        }

        public static Schnappschuss Von(Fall fall)
        {
            var s = Leer(fall.Version);
            Merken(FallZeilen.Einwilligungen, fall.Einwilligungen, s.Einwilligungen);
            Merken(FallZeilen.Ziele, fall.Ziele, s.Ziele);
            Merken(FallZeilen.Wiedervorlagen, fall.Wiedervorlagen, s.Wiedervorlagen);
            Merken(FallZeilen.Vertretungen, fall.Vertretungen, s.Vertretungen);
            Merken(FallZeilen.Ueberleitungen, fall.Ueberleitungen, s.Ueberleitungen);
            return s;
        }

        private static void Merken<T>(Tabelle<T> tabelle, IReadOnlyList<T> zeilen, Dictionary<Guid, object?[]> ziel)
            where T : class
        {
            foreach (var zeile in zeilen)
            {
                ziel[tabelle.Schluessel(zeile)] = tabelle.Werte(zeile);
            }
        }
    }
}
