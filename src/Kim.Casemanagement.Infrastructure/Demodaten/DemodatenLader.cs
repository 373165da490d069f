using System.Diagnostics;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// Writes generated demo data with binary COPY, in one transaction, into an empty database (owner role): staff first, then the
/// Fälle batch by batch while the next batches are still being simulated (producer/consumer over a bounded channel). Events go in
/// ordered by Fall and number and get their identity from the database. Afterwards <c>aktenzeichen_seq</c> is moved past the
/// highest file number and the tables are analysed.
/// </summary>
public static class DemodatenLader
{
    /// <summary>The password of every generated account (demo data only, never for real use).</summary>
    public const string DemoPasswort = "Kim-Demo-Zugang-2026";

    /// <summary>
    /// The ASP.NET Core Identity (V3: PBKDF2-HMAC-SHA512, 100,000 iterations) hash of <see cref="DemoPasswort"/>, computed once
    /// and shared by every generated account: hashing per account would cost a tenth of a second each. Demo data only.
    /// </summary>
    public const string DemoPasswortHash = "AQAAAAIAAYagAAAAEKdkwW45frSJbS4YJGKfIybOKgjF/UoEf/5ucf9no3v+vk+DvEyvUt2RNVBCz6UXgg==";

    private static readonly string[] FallTabellen =
        ["klienten", "faelle", "fall_ereignisse", "einwilligungen", "ziele", "wiedervorlagen", "vertretungen", "ueberleitungen", "notizen", "kompetenzprofil_uebergaben"];

    /// <summary>Clients per batch: one COPY per table and batch.</summary>
    public const int Stapelgroesse = 1000;

    public static async Task<LadeErgebnis> LadenAsync(string ownerConnectionString, DemodatenGenerator generator, IProgress<DemodatenFortschritt>? fortschritt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var uhr = Stopwatch.StartNew();
        await using var verbindung = new NpgsqlConnection(ownerConnectionString);
        await verbindung.OpenAsync(ct);
        await using var transaktion = await verbindung.BeginTransactionAsync(ct);
        await AusfuehrenAsync(verbindung, "SET LOCAL synchronous_commit = off", ct);
        await AusfuehrenAsync(verbindung, "LOCK TABLE faelle IN EXCLUSIVE MODE", ct);
        if (await SkalarAsync<bool>(verbindung, "SELECT EXISTS (SELECT 1 FROM faelle)", ct))
        {
            throw new InvalidOperationException("Die Datenbank enthält bereits Fälle. Demodaten werden nur in eine leere Datenbank geladen.");
        }

        var wiederherstellen = await IndizesUndFremdschluesselAbbauenAsync(verbindung, ct);
        var rollen = await RollenSicherstellenAsync(verbindung, ct);
        var teams = await TeamsOhneNamenskonfliktAsync(verbindung, generator.Personal.Teams, ct);
        PersonalSchreiben(verbindung, teams, generator.Personal, rollen);

        var zaehler = new Zaehler();
        var gesamt = generator.Anzahl;
        var erzeugt = 0;
        var geladen = 0;
        var melder = new Action<int>(n =>
        {
            Volatile.Write(ref erzeugt, n);
            fortschritt?.Report(new DemodatenFortschritt(n, Volatile.Read(ref geladen), gesamt));
        });
        var schreiben = TimeSpan.Zero;
        var rechenzeit = TimeSpan.Zero;
        var erzeugung = TimeSpan.Zero;
        var parallel = Math.Max(1, Environment.ProcessorCount);
        await foreach (var stapel in generator.StapelAsync(Stapelgroesse, parallel, new SofortFortschritt(melder), ct))
        {
            erzeugung = uhr.Elapsed;
            rechenzeit += stapel.Dauer;
            var schreibuhr = Stopwatch.StartNew();
            StapelSchreiben(verbindung, stapel.Faelle, zaehler);
            schreiben += schreibuhr.Elapsed;
            Volatile.Write(ref geladen, stapel.Von + stapel.Faelle.Count);
            fortschritt?.Report(new DemodatenFortschritt(Volatile.Read(ref erzeugt), stapel.Von + stapel.Faelle.Count, gesamt));
        }

        var indexUhr = Stopwatch.StartNew();
        foreach (var definition in wiederherstellen)
        {
            await AusfuehrenAsync(verbindung, definition, ct);
        }

        var indexDauer = indexUhr.Elapsed;
        await using (var befehl = new NpgsqlCommand("SELECT setval('aktenzeichen_seq', @n)", verbindung))
        {
            befehl.Parameters.AddWithValue("n", (long)Math.Max(1, generator.HoechsteNummer));
            await befehl.ExecuteScalarAsync(ct);
        }

        await AusfuehrenAsync(
            verbindung,
            "ANALYZE klienten, faelle, einwilligungen, ziele, wiedervorlagen, vertretungen, ueberleitungen, notizen, fall_ereignisse, kompetenzprofil_uebergaben, teams, benutzer, benutzer_rollen",
            ct);
        await transaktion.CommitAsync(ct);

        return new LadeErgebnis
        {
            Klienten = zaehler.Klienten,
            Faelle = zaehler.Klienten,
            Ereignisse = zaehler.Ereignisse,
            Einwilligungen = zaehler.Einwilligungen,
            EinwilligungenWiderrufen = zaehler.Widerrufen,
            Ziele = zaehler.Ziele,
            Wiedervorlagen = zaehler.Wiedervorlagen,
            WiedervorlagenOffen = zaehler.WiedervorlagenOffen,
            Vertretungen = zaehler.Vertretungen,
            Ueberleitungen = zaehler.Ueberleitungen,
            Notizen = zaehler.Notizen,
            Uebergaben = zaehler.Uebergaben,
            Teams = teams.Count,
            Konten = generator.Personal.Konten.Count,
            FaelleJeProzesszustand = zaehler.Prozesszustaende,
            Abgelehnt = generator.Abgelehnt,
            ErzeugungRechenzeit = rechenzeit,
            Erzeugung = erzeugung,
            Schreiben = schreiben,
            Indizes = indexDauer,
            Gesamt = uhr.Elapsed,
        };
    }

    /// <summary>Whether the database holds any Fall (demo data is only loaded into a database without Fälle).</summary>
    public static async Task<bool> HatFaelleAsync(string connectionString, CancellationToken ct)
    {
        await using var verbindung = new NpgsqlConnection(Persistence.Datenbank.MitSitzungsOptionen(connectionString));
        await verbindung.OpenAsync(ct);
        return await SkalarAsync<bool>(verbindung, "SELECT EXISTS (SELECT 1 FROM faelle)", ct);
    }

    /// <summary>
    /// The accounts that exist already: those of <paramref name="mandant"/> with roles, team and authority (case managers among them
    /// get Fälle, partners record steps), and every user name taken (generated accounts avoid them).
    /// </summary>
    public static async Task<(IReadOnlyList<VorhandenesKonto> Konten, IReadOnlyList<string> Benutzernamen)> VorhandeneKontenLesenAsync(string connectionString, string mandant, CancellationToken ct)
    {
        await using var verbindung = new NpgsqlConnection(Persistence.Datenbank.MitSitzungsOptionen(connectionString));
        await verbindung.OpenAsync(ct);
        const string Sql = """
            SELECT b.id, b.user_name, b.mandant, b.team_id, b.behoerde, b.deaktiviert,
                   coalesce(array_agg(r.name) FILTER (WHERE r.name IS NOT NULL), '{}')
            FROM benutzer b
            LEFT JOIN benutzer_rollen br ON br.user_id = b.id
            LEFT JOIN rollen r ON r.id = br.role_id
            GROUP BY b.id
            ORDER BY b.user_name
            """;
        var konten = new List<VorhandenesKonto>();
        var namen = new List<string>();
        await using var befehl = new NpgsqlCommand(Sql, verbindung);
        await using var r = await befehl.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var name = r.IsDBNull(1) ? null : r.GetString(1);
            if (name is null)
            {
                continue;
            }

            namen.Add(name);
            if (r.GetString(2) != mandant || r.GetBoolean(5))
            {
                continue;
            }

            var rollen = r.GetFieldValue<string[]>(6).Select(n => Enum.TryParse<Rolle>(n, out var rolle) ? rolle : (Rolle?)null).OfType<Rolle>().ToList();
            var behoerde = r.IsDBNull(4) ? null : Enum.TryParse<Behoerde>(r.GetString(4), out var b) ? b : (Behoerde?)null;
            konten.Add(new VorhandenesKonto(r.GetString(0), name, rollen, r.IsDBNull(3) ? null : r.GetGuid(3), behoerde));
        }

        return (konten, namen);
    }

    /// <summary>
    /// Drops the secondary indexes (those not backing a constraint) and the foreign keys of the case-file tables that are still empty,
    /// and returns the statements that restore them: built once after the load (sorted) indexes cost a fraction of maintaining them
    /// row by row, and a foreign key is validated by one join. All in the load's transaction, so a failed load leaves the schema as it
    /// was; the restored schema is the migrated one (a test compares them).
    /// </summary>
    private static async Task<IReadOnlyList<string>> IndizesUndFremdschluesselAbbauenAsync(NpgsqlConnection verbindung, CancellationToken ct)
    {
        var leer = new List<string>();
        foreach (var tabelle in FallTabellen)
        {
            if (!await SkalarAsync<bool>(verbindung, $"SELECT EXISTS (SELECT 1 FROM {tabelle})", ct))
            {
                leer.Add(tabelle);
            }
        }

        const string Sql = """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY(@tabellen)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """;
        var indizes = new List<(string Name, string Definition)>();
        await using (var befehl = new NpgsqlCommand(Sql, verbindung))
        {
            befehl.Parameters.AddWithValue("tabellen", leer.ToArray());
            await using var r = await befehl.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                indizes.Add((r.GetString(0), r.GetString(1)));
            }
        }

        // Foreign keys of the empty tables: checked row by row they cost about as much as the rows themselves; added again after
        // the load, each is validated by one join.
        const string FremdschluesselSql = """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname = ANY(@tabellen)
            ORDER BY 1, 2
            """;
        var fremdschluessel = new List<(string Tabelle, string Name, string Definition)>();
        await using (var befehl = new NpgsqlCommand(FremdschluesselSql, verbindung))
        {
            befehl.Parameters.AddWithValue("tabellen", leer.ToArray());
            await using var r = await befehl.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                fremdschluessel.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
        }

        foreach (var (tabelle, name, _) in fremdschluessel)
        {
            await AusfuehrenAsync(verbindung, $"ALTER TABLE {tabelle} DROP CONSTRAINT {Bezeichner(name)}", ct);
        }

        foreach (var (name, _) in indizes)
        {
            await AusfuehrenAsync(verbindung, $"DROP INDEX {name}", ct);
        }

        return indizes.Select(i => i.Definition)
            .Concat(fremdschluessel.Select(f => $"ALTER TABLE {f.Tabelle} ADD CONSTRAINT {Bezeichner(f.Name)} {f.Definition}"))
            .ToList();
    }

    private static string Bezeichner(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<Dictionary<Rolle, string>> RollenSicherstellenAsync(NpgsqlConnection verbindung, CancellationToken ct)
    {
        var vorhanden = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var befehl = new NpgsqlCommand("SELECT id, normalized_name FROM rollen WHERE normalized_name IS NOT NULL", verbindung))
        await using (var leser = await befehl.ExecuteReaderAsync(ct))
        {
            while (await leser.ReadAsync(ct))
            {
                vorhanden[leser.GetString(1)] = leser.GetString(0);
            }
        }

        var rollen = new Dictionary<Rolle, string>();
        foreach (var rolle in Enum.GetValues<Rolle>())
        {
            var normalisiert = rolle.ToString().ToUpperInvariant();
            if (!vorhanden.TryGetValue(normalisiert, out var id))
            {
                id = Guid.NewGuid().ToString();
                await using var befehl = new NpgsqlCommand("INSERT INTO rollen (id, name, normalized_name, concurrency_stamp) VALUES (@id, @name, @norm, @stamp)", verbindung);
                befehl.Parameters.AddWithValue("id", id);
                befehl.Parameters.AddWithValue("name", rolle.ToString());
                befehl.Parameters.AddWithValue("norm", normalisiert);
                befehl.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString());
                await befehl.ExecuteNonQueryAsync(ct);
            }

            rollen[rolle] = id;
        }

        return rollen;
    }

    private static async Task<IReadOnlyList<TeamZeile>> TeamsOhneNamenskonfliktAsync(NpgsqlConnection verbindung, IReadOnlyList<TeamZeile> teams, CancellationToken ct)
    {
        var namen = new HashSet<string>(StringComparer.Ordinal);
        await using (var befehl = new NpgsqlCommand("SELECT mandant || '/' || name FROM teams", verbindung))
        await using (var leser = await befehl.ExecuteReaderAsync(ct))
        {
            while (await leser.ReadAsync(ct))
            {
                namen.Add(leser.GetString(0));
            }
        }

        return teams.Select(t => namen.Contains($"{t.Mandant}/{t.Name}") ? t with { Name = t.Name + " (Demo)" } : t).ToList();
    }

    private static void PersonalSchreiben(NpgsqlConnection verbindung, IReadOnlyList<TeamZeile> teams, PersonalDaten personal, Dictionary<Rolle, string> rollen)
    {
        // The demo Kommune must exist as a Mandant (ADR 0014), or its accounts could not sign in.
        foreach (var mandant in teams.Select(t => t.Mandant).Distinct(StringComparer.Ordinal))
        {
            using var neu = new NpgsqlCommand("INSERT INTO mandanten (schluessel, name) VALUES ($1, $1) ON CONFLICT (schluessel) DO NOTHING", verbindung);
            neu.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
            neu.ExecuteNonQuery();
        }

        using (var copy = verbindung.BeginBinaryImport("COPY teams (id, name, mandant) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var t in teams)
            {
                copy.StartRow();
                Uuid(copy, t.Id);
                Text(copy, t.Name);
                Text(copy, t.Mandant);
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY benutzer (id, anzeigename, mandant, team_id, behoerde, deaktiviert, erstellt_am, user_name, normalized_user_name, email, normalized_email, email_confirmed, "
            + "password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count) "
            + "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var k in personal.Konten)
            {
                copy.StartRow();
                Text(copy, k.Id);
                Text(copy, k.Anzeigename);
                Text(copy, k.Mandant);
                Uuid(copy, k.TeamId);
                Text(copy, k.Behoerde?.ToString());
                Bool(copy, false);
                Zeit(copy, k.ErstelltAm);
                copy.Write(k.Benutzername, NpgsqlDbType.Varchar);
                copy.Write(k.Benutzername.ToUpperInvariant(), NpgsqlDbType.Varchar);
                copy.WriteNull();
                copy.WriteNull();
                Bool(copy, false);
                Text(copy, DemoPasswortHash);
                Text(copy, k.SecurityStamp);
                Text(copy, k.ConcurrencyStamp);
                copy.WriteNull();
                Bool(copy, false);
                Bool(copy, false);
                copy.WriteNull();
                Bool(copy, true);
                Int(copy, 0);
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport("COPY benutzer_rollen (user_id, role_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in personal.Rollen)
            {
                copy.StartRow();
                Text(copy, r.BenutzerId);
                Text(copy, rollen[r.Rolle]);
            }

            copy.Complete();
        }
    }

    private static void StapelSchreiben(NpgsqlConnection verbindung, IReadOnlyList<FallDatensatz> faelle, Zaehler zaehler)
    {
        using (var copy = verbindung.BeginBinaryImport(
            "COPY klienten (id, mandant, vorname, nachname, geburtsdatum, geschlecht, herkunftsland, einreisedatum, haushalt_id, minderjaehrige_kinder, erstellt_am) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in faelle)
            {
                var k = d.Klient;
                copy.StartRow();
                Uuid(copy, k.Id);
                Text(copy, k.Mandant);
                Text(copy, k.Vorname);
                Text(copy, k.Nachname);
                Datum(copy, k.Geburtsdatum);
                Text(copy, k.Geschlecht.ToString());
                Text(copy, k.Herkunftsland);
                Datum(copy, k.Einreisedatum);
                Uuid(copy, k.HaushaltId);
                Int(copy, k.MinderjaehrigeKinder);
                Zeit(copy, k.ErstelltAm);
            }

            copy.Complete();
        }

        FaelleSchreiben(verbindung, faelle, zaehler);

        using (var copy = verbindung.BeginBinaryImport(
            "COPY einwilligungen (id, fall_id, empfaenger, datenkategorien, zweck, gueltig_ab, gueltig_bis, formular_referenz, erfasst_am, erfasst_von, widerrufen_am, widerrufen_von) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in faelle.SelectMany(d => d.Einwilligungen))
            {
                copy.StartRow();
                Uuid(copy, e.Id);
                Uuid(copy, e.FallId);
                Text(copy, e.Empfaenger.ToString());
                Int(copy, (int)e.Datenkategorien);
                Text(copy, e.Zweck);
                Datum(copy, e.GueltigAb);
                Datum(copy, e.GueltigBis);
                Text(copy, e.FormularReferenz);
                Zeit(copy, e.ErfasstAm);
                Text(copy, e.ErfasstVon);
                Zeit(copy, e.WiderrufenAm);
                Text(copy, e.WiderrufenVon);
                zaehler.Einwilligungen++;
                zaehler.Widerrufen += e.WiderrufenAm is null ? 0 : 1;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY ziele (id, fall_id, was, bis_wann, wer, messgroesse, vereinbart_am, bewertung, bewertet_am) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var z in faelle.SelectMany(d => d.Ziele))
            {
                copy.StartRow();
                Uuid(copy, z.Id);
                Uuid(copy, z.FallId);
                Text(copy, z.Was);
                Datum(copy, z.BisWann);
                Text(copy, z.Wer);
                Text(copy, z.Messgroesse);
                Datum(copy, z.VereinbartAm);
                Text(copy, z.Bewertung?.ToString());
                Datum(copy, z.BewertetAm);
                zaehler.Ziele++;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY wiedervorlagen (id, fall_id, faellig, betreff, art, schluessel, zustaendig_id, erstellt_am, erledigt_am, erledigt_von) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var w in faelle.SelectMany(d => d.Wiedervorlagen))
            {
                copy.StartRow();
                Uuid(copy, w.Id);
                Uuid(copy, w.FallId);
                Datum(copy, w.Faellig);
                Text(copy, w.Betreff);
                Text(copy, w.Art.ToString());
                Text(copy, w.Schluessel);
                Text(copy, w.ZustaendigId);
                Zeit(copy, w.ErstelltAm);
                Zeit(copy, w.ErledigtAm);
                Text(copy, w.ErledigtVon);
                zaehler.Wiedervorlagen++;
                zaehler.WiedervorlagenOffen += w.ErledigtAm is null ? 1 : 0;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport("COPY vertretungen (id, fall_id, benutzer_id, von, bis) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var v in faelle.SelectMany(d => d.Vertretungen))
            {
                copy.StartRow();
                Uuid(copy, v.Id);
                Uuid(copy, v.FallId);
                Text(copy, v.BenutzerId);
                Datum(copy, v.Von);
                Datum(copy, v.Bis);
                zaehler.Vertretungen++;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY ueberleitungen (id, fall_id, empfaenger, anliegen, zustand, seit, erstellt_am, erstellt_von) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var u in faelle.SelectMany(d => d.Ueberleitungen))
            {
                copy.StartRow();
                Uuid(copy, u.Id);
                Uuid(copy, u.FallId);
                Text(copy, u.Empfaenger.ToString());
                Text(copy, u.Anliegen);
                Text(copy, u.Zustand.ToString());
                Datum(copy, u.Seit);
                Zeit(copy, u.ErstelltAm);
                Text(copy, u.ErstelltVon);
                zaehler.Ueberleitungen++;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport("COPY notizen (id, fall_id, text, verfasst_von, verfasst_am) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var n in faelle.SelectMany(d => d.Notizen))
            {
                copy.StartRow();
                Uuid(copy, n.Id);
                Uuid(copy, n.FallId);
                Text(copy, n.Text);
                Text(copy, n.VerfasstVon);
                Zeit(copy, n.VerfasstAm);
                zaehler.Notizen++;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY fall_ereignisse (fall_id, nr, spur, ueberleitung_id, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, notiz, parameter, ausgeloest_durch) "
            + "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in faelle.SelectMany(d => d.Ereignisse))
            {
                copy.StartRow();
                Uuid(copy, e.FallId);
                Int(copy, e.Nr);
                Text(copy, e.Spur.ToString());
                Uuid(copy, e.UeberleitungId);
                Text(copy, e.Trigger);
                Text(copy, e.VonZustand);
                Text(copy, e.NachZustand);
                Datum(copy, e.FachlichesDatum);
                Zeit(copy, e.ErfasstAm);
                Text(copy, e.Akteur);
                Text(copy, e.Notiz);
                copy.Write(e.ParameterJson, NpgsqlDbType.Jsonb);
                Int(copy, e.AusgeloestDurch);
                zaehler.Ereignisse++;
            }

            copy.Complete();
        }

        using (var copy = verbindung.BeginBinaryImport(
            "COPY kompetenzprofil_uebergaben (id, fall_id, empfaenger, anlass, fachliches_datum, profil, erstellt_am) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var u in faelle.SelectMany(d => d.Uebergaben))
            {
                copy.StartRow();
                Uuid(copy, u.Id);
                Uuid(copy, u.FallId);
                Text(copy, u.Empfaenger.ToString());
                Text(copy, u.Anlass);
                Datum(copy, u.FachlichesDatum);
                copy.Write(u.ProfilJson, NpgsqlDbType.Jsonb);
                Zeit(copy, u.ErstelltAm);
                zaehler.Uebergaben++;
            }

            copy.Complete();
        }
    }

    private static void FaelleSchreiben(NpgsqlConnection verbindung, IReadOnlyList<FallDatensatz> faelle, Zaehler zaehler)
    {
        using var copy = verbindung.BeginBinaryImport(
            "COPY faelle (id, mandant, aktenzeichen, klient_id, fallmanager_id, team_id, aufgenommen_am, erstellt_am, geaendert_am, version, ereignis_anzahl, "
            + "art13_informiert_am, letzter_kontakt_am, prozess_zustand, prozess_seit, prozess_phase_vor_ruhen, prozess_abschlussgrund, prozess_abbruchgrund, "
            + "aufenthalt_zustand, aufenthalt_seit, aufenthalt_rechtmaessig_seit, aufenthalt_geduldet_seit, aufenthalt_schutzform, aufenthalt_titel_art, "
            + "aufenthalt_rechtsgrundlage, aufenthalt_titel_gueltig_ab, aufenthalt_gueltig_bis, aufenthalt_nebenbestimmungen, aufenthalt_wohnsitzauflage, "
            + "aufenthalt_erste_p24_erteilung_am, aufenthalt_chancen_seit, leistungen_zustand, leistungen_seit, leistungen_kooperationsplan_am, leistungen_massnahme, "
            + "leistungen_beschaeftigt_seit, leistungen_wochenstunden, bildung_zustand, bildung_seit, bildung_ik_art, bildung_ik_wiederholungen, "
            + "bildung_ik_abgeschlossen, bildung_massnahmebezeichnung, kompetenzprofil) FROM STDIN (FORMAT BINARY)");
        foreach (var d in faelle)
        {
            var f = d.Fall;
            copy.StartRow();
            Uuid(copy, f.Id);
            Text(copy, f.Mandant);
            Text(copy, f.Aktenzeichen);
            Uuid(copy, f.KlientId);
            Text(copy, f.FallmanagerId);
            Uuid(copy, f.TeamId);
            Datum(copy, f.AufgenommenAm);
            Zeit(copy, f.ErstelltAm);
            Zeit(copy, f.GeaendertAm);
            Int(copy, f.Version);
            Int(copy, f.EreignisAnzahl);
            Datum(copy, f.Art13InformiertAm);
            Datum(copy, f.LetzterKontaktAm);

            var p = f.Prozess;
            Text(copy, p.Zustand.ToString());
            Datum(copy, p.Seit);
            Text(copy, p.PhaseVorRuhen?.ToString());
            Text(copy, p.Abschlussgrund?.ToString());
            Text(copy, p.Abbruchgrund?.ToString());

            var a = f.Aufenthalt;
            Text(copy, a.Zustand.ToString());
            Datum(copy, a.Seit);
            Datum(copy, a.RechtmaessigSeit);
            Datum(copy, a.GeduldetSeit);
            Text(copy, a.Schutzform?.ToString());
            Text(copy, a.TitelArt?.ToString());
            Text(copy, a.Rechtsgrundlage);
            Datum(copy, a.TitelGueltigAb);
            Datum(copy, a.GueltigBis);
            Text(copy, a.Nebenbestimmungen);
            Bool(copy, a.Wohnsitzauflage);
            Datum(copy, a.ErsteParagraph24ErteilungAm);
            Datum(copy, a.ChancenaufenthaltsrechtSeit);

            var l = f.Leistungen;
            Text(copy, l.Zustand.ToString());
            Datum(copy, l.Seit);
            Datum(copy, l.KooperationsplanAm);
            Text(copy, l.Massnahme?.ToString());
            Datum(copy, l.BeschaeftigtSeit);
            Int(copy, l.Wochenstunden);

            var b = f.Bildung;
            Text(copy, b.Zustand.ToString());
            Datum(copy, b.Seit);
            Text(copy, b.IntegrationskursArt?.ToString());
            Int(copy, b.IntegrationskursWiederholungen);
            Bool(copy, b.IntegrationskursAbgeschlossen);
            Text(copy, b.Massnahmebezeichnung);
            copy.Write(f.KompetenzprofilJson, NpgsqlDbType.Jsonb);

            zaehler.Klienten++;
            var zustand = p.Zustand.ToString();
            zaehler.Prozesszustaende[zustand] = zaehler.Prozesszustaende.GetValueOrDefault(zustand) + 1;
        }

        copy.Complete();
    }

    private static async Task AusfuehrenAsync(NpgsqlConnection verbindung, string sql, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await befehl.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> SkalarAsync<T>(NpgsqlConnection verbindung, string sql, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        return (T)(await befehl.ExecuteScalarAsync(ct))!;
    }

    private static void Text(NpgsqlBinaryImporter copy, string? wert)
    {
        if (wert is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(wert, NpgsqlDbType.Text);
        }
    }

    private static void Uuid(NpgsqlBinaryImporter copy, Guid? wert)
    {
        if (wert is { } w)
        {
            copy.Write(w, NpgsqlDbType.Uuid);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Datum(NpgsqlBinaryImporter copy, DateOnly? wert)
    {
        if (wert is { } w)
        {
            copy.Write(w, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Zeit(NpgsqlBinaryImporter copy, DateTimeOffset? wert)
    {
        if (wert is { } w)
        {
            copy.Write(w.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Int(NpgsqlBinaryImporter copy, int? wert)
    {
        if (wert is { } w)
        {
            copy.Write(w, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Bool(NpgsqlBinaryImporter copy, bool wert) => copy.Write(wert, NpgsqlDbType.Boolean);

    /// <summary>Reports at once on the calling thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class SofortFortschritt(Action<int> melden) : IProgress<int>
    {
        public void Report(int value) => melden(value);
    }

    private sealed class Zaehler
    {
        public int Klienten;
        public long Ereignisse;
        public long Einwilligungen;
        public long Widerrufen;
        public long Ziele;
        public long Wiedervorlagen;
        public long WiedervorlagenOffen;
        public long Vertretungen;
        public long Ueberleitungen;
        public long Notizen;
        public long Uebergaben;
        public readonly Dictionary<string, int> Prozesszustaende = new(StringComparer.Ordinal);
    }
}
