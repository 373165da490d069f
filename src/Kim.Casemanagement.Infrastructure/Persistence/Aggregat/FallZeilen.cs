using System.Runtime.CompilerServices;
using System.Text.Json;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Klienten;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Persistence.Aggregat;

/// <summary>
/// The rows of the Fall aggregate (the same tables and columns as the EF model in <c>Configurations/</c>, which the
/// schema drift test compares with the migrations): column values read off the domain objects, and domain objects
/// rebuilt from rows. Rebuilding sets the objects' private state the way EF Core's materializer does, here through
/// <see cref="UnsafeAccessorAttribute"/> (compiled accessors, no reflection), so the domain keeps its invariant-guarding
/// factories and needs no persistence constructor.
/// </summary>
internal static class FallZeilen
{
    private const NpgsqlDbType Uuid = NpgsqlDbType.Uuid;
    private const NpgsqlDbType Text = NpgsqlDbType.Text;
    private const NpgsqlDbType Datum = NpgsqlDbType.Date;
    private const NpgsqlDbType Zeit = NpgsqlDbType.TimestampTz;
    private const NpgsqlDbType Ganzzahl = NpgsqlDbType.Integer;
    private const NpgsqlDbType Wahrheit = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Json = NpgsqlDbType.Jsonb;

    /// <summary>The columns of <c>faelle</c> that a change may set (all but the key and what intake fixes for good).</summary>
    public static readonly Spalte<Fall>[] FallVeraenderlich =
    [
        new("fallmanager_id", Text, f => f.FallmanagerId),
        new("team_id", Uuid, f => f.TeamId),
        new("geaendert_am", Zeit, f => f.GeaendertAm),
        new("version", Ganzzahl, f => f.Version),
        new("ereignis_anzahl", Ganzzahl, f => f.EreignisAnzahl),
        new("art13_informiert_am", Datum, f => f.Art13InformiertAm),
        new("letzter_kontakt_am", Datum, f => f.LetzterKontaktAm),
        new("kompetenzprofil", Json, f => JsonSerializer.Serialize(f.Kompetenzprofil, JsonWerte.Optionen)),
        new("prozess_zustand", Text, f => f.Prozess.Zustand.ToString()),
        new("prozess_seit", Datum, f => f.Prozess.Seit),
        new("prozess_phase_vor_ruhen", Text, f => f.Prozess.PhaseVorRuhen?.ToString()),
        new("prozess_abschlussgrund", Text, f => f.Prozess.Abschlussgrund?.ToString()),
        new("prozess_abbruchgrund", Text, f => f.Prozess.Abbruchgrund?.ToString()),
        new("aufenthalt_zustand", Text, f => f.Aufenthalt.Zustand.ToString()),
        new("aufenthalt_seit", Datum, f => f.Aufenthalt.Seit),
        new("aufenthalt_rechtmaessig_seit", Datum, f => f.Aufenthalt.RechtmaessigSeit),
        new("aufenthalt_geduldet_seit", Datum, f => f.Aufenthalt.GeduldetSeit),
        new("aufenthalt_schutzform", Text, f => f.Aufenthalt.Schutzform?.ToString()),
        new("aufenthalt_titel_art", Text, f => f.Aufenthalt.TitelArt?.ToString()),
        new("aufenthalt_rechtsgrundlage", Text, f => f.Aufenthalt.Rechtsgrundlage),
        new("aufenthalt_titel_gueltig_ab", Datum, f => f.Aufenthalt.TitelGueltigAb),
        new("aufenthalt_gueltig_bis", Datum, f => f.Aufenthalt.GueltigBis),
        new("aufenthalt_nebenbestimmungen", Text, f => f.Aufenthalt.Nebenbestimmungen),
        new("aufenthalt_wohnsitzauflage", Wahrheit, f => f.Aufenthalt.Wohnsitzauflage),
        new("aufenthalt_erste_p24_erteilung_am", Datum, f => f.Aufenthalt.ErsteParagraph24ErteilungAm),
        new("aufenthalt_chancen_seit", Datum, f => f.Aufenthalt.ChancenaufenthaltsrechtSeit),
        new("leistungen_zustand", Text, f => f.Leistungen.Zustand.ToString()),
        new("leistungen_seit", Datum, f => f.Leistungen.Seit),
        new("leistungen_kooperationsplan_am", Datum, f => f.Leistungen.KooperationsplanAm),
        new("leistungen_massnahme", Text, f => f.Leistungen.Massnahme?.ToString()),
        new("leistungen_beschaeftigt_seit", Datum, f => f.Leistungen.BeschaeftigtSeit),
        new("leistungen_wochenstunden", Ganzzahl, f => f.Leistungen.Wochenstunden),
        new("bildung_zustand", Text, f => f.Bildung.Zustand.ToString()),
        new("bildung_seit", Datum, f => f.Bildung.Seit),
        new("bildung_ik_art", Text, f => f.Bildung.IntegrationskursArt?.ToString()),
        new("bildung_ik_wiederholungen", Ganzzahl, f => f.Bildung.IntegrationskursWiederholungen),
        new("bildung_ik_abgeschlossen", Wahrheit, f => f.Bildung.IntegrationskursAbgeschlossen),
        new("bildung_massnahmebezeichnung", Text, f => f.Bildung.Massnahmebezeichnung),
    ];

    /// <summary>The columns of <c>faelle</c> fixed at intake.</summary>
    public static readonly Spalte<Fall>[] FallFest =
    [
        new("id", Uuid, f => f.Id),
        new("mandant", Text, f => f.Mandant),
        new("aktenzeichen", Text, f => f.Aktenzeichen),
        new("klient_id", Uuid, f => f.KlientId),
        new("aufgenommen_am", Datum, f => f.AufgenommenAm),
        new("erstellt_am", Zeit, f => f.ErstelltAm),
    ];

    /// <summary>The Fall's row with its client's (parameter $1: the Fall's id).</summary>
    public static readonly string FallAuswahlSql = FallAuswahl(string.Empty, string.Empty);

    /// <summary>The number of columns of <see cref="FallAuswahlSql"/> (the Fall's, then its client's but its tenant); further columns of <see cref="FallAuswahl"/> follow.</summary>
    public static int FallAuswahlBreite => FallAlle.Length + Klient.Length - 1;

    /// <summary><see cref="FallAuswahlSql"/> with further columns <paramref name="weitereSpalten"/> (after the Fall's and client's, each with a leading comma) from the further joins <paramref name="weitereJoins"/>.</summary>
    public static string FallAuswahl(string weitereSpalten, string weitereJoins) =>
        $"SELECT {string.Join(", ", FallFest.Concat(FallVeraenderlich).Select(s => "f." + s.Name))}, "
        + "k.id, k.vorname, k.nachname, k.geburtsdatum, k.geschlecht, k.herkunftsland, k.einreisedatum, k.haushalt_id, k.minderjaehrige_kinder, k.erstellt_am"
        + $"{weitereSpalten} FROM faelle f JOIN klienten k ON k.id = f.klient_id {weitereJoins}WHERE f.id = $1";

    public static readonly Spalte<Fall>[] FallAlle = [.. FallFest, .. FallVeraenderlich];

    public static readonly string FallEinfuegenSql = EinfuegenSql("faelle", FallAlle);

    /// <summary>
    /// Adds part <c>u</c>: the changeable columns, written if the stored version is still <paramref name="geladeneVersion"/>
    /// and the Fall has no active hold on <paramref name="heute"/> (Art. 18 DSGVO; a hold set after the load raised the
    /// version, one set before is seen here). The statement's main query passes the count of <c>u</c> to
    /// <c>fall_version_pruefen</c> (migration 0008), which fails with SQLSTATE <see cref="KonfliktSqlState"/> otherwise,
    /// so that the whole batch rolls back; it is evaluated first, before any other part of the statement writes.
    /// </summary>
    public static void AendernTeil(Sammelanweisung s, Fall fall, int geladeneVersion, DateOnly heute)
    {
        var id = s.Wert(Uuid, fall.Id);
        var version = s.Wert(Ganzzahl, geladeneVersion);
        var tag = s.Wert(Datum, heute);
        var werte = FallVeraenderlich.Select(sp => s.Wert(sp.Typ, sp.Wert(fall))).ToArray();
        s.Teil("u", () => $"UPDATE faelle SET {string.Join(", ", FallVeraenderlich.Select((sp, k) => $"{sp.Name} = {werte[k]}"))} WHERE id = {id} AND version = {version} AND NOT {Datenschutz.FallSperrung.Gesperrt(id, tag)} RETURNING 1");
    }

    /// <summary>The main query of a change's statement with part <c>u</c>.</summary>
    public const string VersionPruefen = "SELECT fall_version_pruefen((SELECT count(*) FROM u))";

    /// <summary>Raised by <c>fall_version_pruefen</c> when the Fall changed since it was loaded.</summary>
    public const string KonfliktSqlState = "KIM01";

    /// <summary>The client's row, written once at intake with the Fall's tenant.</summary>
    public static readonly Spalte<(Klient Klient, string Mandant)>[] Klient =
    [
        new("id", Uuid, k => k.Klient.Id),
        new("mandant", Text, k => k.Mandant),
        new("vorname", Text, k => k.Klient.Vorname),
        new("nachname", Text, k => k.Klient.Nachname),
        new("geburtsdatum", Datum, k => k.Klient.Geburtsdatum),
        new("geschlecht", Text, k => k.Klient.Geschlecht.ToString()),
        new("herkunftsland", Text, k => k.Klient.Herkunftsland),
        new("einreisedatum", Datum, k => k.Klient.Einreisedatum),
        new("haushalt_id", Uuid, k => k.Klient.HaushaltId),
        new("minderjaehrige_kinder", Ganzzahl, k => k.Klient.MinderjaehrigeKinder),
        new("erstellt_am", Zeit, k => k.Klient.ErstelltAm),
    ];

    public static readonly string KlientEinfuegenSql = EinfuegenSql("klienten", Klient);

    public static readonly Tabelle<Einwilligung> Einwilligungen = new(
        "einwilligungen",
        e => e.Id,
        EinwilligungLesen,
        "erfasst_am, id",
        new("id", Uuid, e => e.Id),
        new("fall_id", Uuid, e => e.FallId),
        new("empfaenger", Text, e => e.Empfaenger.ToString()),
        new("datenkategorien", Ganzzahl, e => (int)e.Datenkategorien),
        new("zweck", Text, e => e.Zweck),
        new("gueltig_ab", Datum, e => e.GueltigAb),
        new("gueltig_bis", Datum, e => e.GueltigBis),
        new("formular_referenz", Text, e => e.FormularReferenz),
        new("erfasst_am", Zeit, e => e.ErfasstAm),
        new("erfasst_von", Text, e => e.ErfasstVon),
        new("widerrufen_am", Zeit, e => e.WiderrufenAm),
        new("widerrufen_von", Text, e => e.WiderrufenVon));

    public static readonly Tabelle<Ziel> Ziele = new(
        "ziele",
        z => z.Id,
        ZielLesen,
        "vereinbart_am, id",
        new("id", Uuid, z => z.Id),
        new("fall_id", Uuid, z => z.FallId),
        new("was", Text, z => z.Was),
        new("bis_wann", Datum, z => z.BisWann),
        new("wer", Text, z => z.Wer),
        new("messgroesse", Text, z => z.Messgroesse),
        new("vereinbart_am", Datum, z => z.VereinbartAm),
        new("bewertung", Text, z => z.Bewertung?.ToString()),
        new("bewertet_am", Datum, z => z.BewertetAm));

    public static readonly Tabelle<Wiedervorlage> Wiedervorlagen = new(
        "wiedervorlagen",
        w => w.Id,
        WiedervorlageLesen,
        "erstellt_am, id",
        new("id", Uuid, w => w.Id),
        new("fall_id", Uuid, w => w.FallId),
        new("faellig", Datum, w => w.Faellig),
        new("betreff", Text, w => w.Betreff),
        new("art", Text, w => w.Art.ToString()),
        new("schluessel", Text, w => w.Schluessel),
        new("zustaendig_id", Text, w => w.ZustaendigId),
        new("erstellt_am", Zeit, w => w.ErstelltAm),
        new("erledigt_am", Zeit, w => w.ErledigtAm),
        new("erledigt_von", Text, w => w.ErledigtVon));

    public static readonly Tabelle<Vertretung> Vertretungen = new(
        "vertretungen",
        v => v.Id,
        VertretungLesen,
        "von, id",
        new("id", Uuid, v => v.Id),
        new("fall_id", Uuid, v => v.FallId),
        new("benutzer_id", Text, v => v.BenutzerId),
        new("von", Datum, v => v.Von),
        new("bis", Datum, v => v.Bis));

    public static readonly Tabelle<Ueberleitung> Ueberleitungen = new(
        "ueberleitungen",
        u => u.Id,
        UeberleitungLesen,
        "erstellt_am, id",
        new("id", Uuid, u => u.Id),
        new("fall_id", Uuid, u => u.FallId),
        new("empfaenger", Text, u => u.Empfaenger.ToString()),
        new("anliegen", Text, u => u.Anliegen),
        new("zustand", Text, u => u.Zustand.ToString()),
        new("seit", Datum, u => u.Seit),
        new("erstellt_am", Zeit, u => u.ErstelltAm),
        new("erstellt_von", Text, u => u.ErstelltVon));

    /// <summary>
    /// The five child tables of one Fall as one statement ($1 the Fall's id), so that a load is two statements, not six:
    /// a UNION ALL whose rows carry the table's number (<c>art</c>, the index in <see cref="KinderReihenfolge"/>), a sort
    /// key and typed slots; each table puts its columns into the slots of their type (the others are NULL), and reads them
    /// back from there (<see cref="KinderOrdinale"/>). Rows come per table in the table's order.
    /// </summary>
    public static readonly string KinderAuswahlSql;

    /// <summary>For each child table (by <c>art</c>): the ordinal in <see cref="KinderAuswahlSql"/> of each of its columns.</summary>
    public static readonly int[][] KinderOrdinale;

    /// <summary>The tables of <see cref="KinderAuswahlSql"/>, in the order of their <c>art</c>.</summary>
    public static readonly string[] KinderReihenfolge = [Einwilligungen.Name, Ziele.Name, Wiedervorlagen.Name, Vertretungen.Name, Ueberleitungen.Name];

    /// <summary>Append-only: written once, never read into the aggregate.</summary>
    public static readonly Spalte<Notiz>[] Notizen =
    [
        new("id", Uuid, n => n.Id),
        new("fall_id", Uuid, n => n.FallId),
        new("text", Text, n => n.Text),
        new("verfasst_von", Text, n => n.VerfasstVon),
        new("verfasst_am", Zeit, n => n.VerfasstAm),
    ];

    /// <summary>Append-only: written once, never read into the aggregate.</summary>
    public static readonly Spalte<KompetenzprofilUebergabe>[] Uebergaben =
    [
        new("id", Uuid, u => u.Id),
        new("fall_id", Uuid, u => u.FallId),
        new("empfaenger", Text, u => u.Empfaenger.ToString()),
        new("anlass", Text, u => u.Anlass),
        new("fachliches_datum", Datum, u => u.FachlichesDatum),
        new("profil", Json, u => JsonSerializer.Serialize(u.Profil, JsonWerte.Optionen)),
        new("erstellt_am", Zeit, u => u.ErstelltAm),
    ];

    /// <summary>The events of a step (append-only; the id comes from the database).</summary>
    public static readonly Spalte<FallEreignis>[] Ereignisse =
    [
        new("fall_id", Uuid, e => e.FallId),
        new("nr", Ganzzahl, e => e.Nr),
        new("spur", Text, e => e.Spur.ToString()),
        new("ueberleitung_id", Uuid, e => e.UeberleitungId),
        new("trigger", Text, e => e.Trigger),
        new("von_zustand", Text, e => e.VonZustand),
        new("nach_zustand", Text, e => e.NachZustand),
        new("fachliches_datum", Datum, e => e.FachlichesDatum),
        new("erfasst_am", Zeit, e => e.ErfasstAm),
        new("akteur", Text, e => e.Akteur),
        new("notiz", Text, e => e.Notiz),
        new("parameter", Json, e => JsonSerializer.Serialize(e.Parameter, JsonWerte.Optionen)),
        new("ausgeloest_durch", Ganzzahl, e => e.AusgeloestDurch),
    ];

    static FallZeilen()
    {
        (string Name, NpgsqlDbType Typ, string Reihenfolge)[][] tabellen =
        [
            Spalten(Einwilligungen), Spalten(Ziele), Spalten(Wiedervorlagen), Spalten(Vertretungen), Spalten(Ueberleitungen),
        ];
        (NpgsqlDbType Typ, string Sql)[] typen = [(Uuid, "uuid"), (Text, "text"), (Ganzzahl, "integer"), (Datum, "date"), (Zeit, "timestamptz")];

        // Slots: per type as many as the table with the most columns of that type needs; ordinals 0 and 1 are art and sort key.
        var slots = new List<(NpgsqlDbType Typ, string Sql)>();
        foreach (var (typ, sql) in typen)
        {
            var anzahl = tabellen.Max(t => t.Count(s => s.Typ == typ));
            slots.AddRange(Enumerable.Repeat((typ, sql), anzahl));
        }

        if (tabellen.SelectMany(t => t).Any(s => !typen.Any(x => x.Typ == s.Typ)))
        {
            throw new InvalidOperationException("A child column has a type without slot.");
        }

        var teile = new List<string>();
        var ordinale = new int[tabellen.Length][];
        for (var art = 0; art < tabellen.Length; art++)
        {
            var spalten = tabellen[art];
            var belegt = new string?[slots.Count];
            ordinale[art] = new int[spalten.Length];
            for (var i = 0; i < spalten.Length; i++)
            {
                var slot = Enumerable.Range(0, slots.Count).First(k => slots[k].Typ == spalten[i].Typ && belegt[k] is null);
                belegt[slot] = spalten[i].Name;
                ordinale[art][i] = slot + 2;
            }

            var sortierung = spalten[0].Reihenfolge.Split(',')[0].Trim();
            teile.Add($"SELECT {art} AS art, {sortierung}::timestamptz AS s, "
                + string.Join(", ", belegt.Select((name, k) => (name ?? "NULL") + "::" + slots[k].Sql + " AS s" + k))
                + $" FROM {KinderReihenfolge[art]} WHERE fall_id = $1");
        }

        // The key (id) is the first uuid column of every table, i.e. slot 0.
        KinderAuswahlSql = string.Join(" UNION ALL ", teile) + " ORDER BY art, s, s0";
        KinderOrdinale = ordinale;

        static (string, NpgsqlDbType, string)[] Spalten<T>(Tabelle<T> t)
            where T : class => [.. t.Spalten.Select(s => (s.Name, s.Typ, t.Reihenfolge))];
    }

    /// <summary>An INSERT of one row with a positional parameter per column.</summary>
    public static string EinfuegenSql<T>(string tabelle, IReadOnlyList<Spalte<T>> spalten) =>
        $"INSERT INTO {tabelle} ({string.Join(", ", spalten.Select(s => s.Name))}) VALUES ({string.Join(", ", spalten.Select((_, i) => "$" + (i + 1)))})";

    /// <summary>A command with one parameter per column, typed by the column.</summary>
    public static NpgsqlBatchCommand Befehl<T>(string sql, IReadOnlyList<Spalte<T>> spalten, T zeile, params object?[] vorweg)
    {
        var befehl = new NpgsqlBatchCommand(sql);
        foreach (var wert in vorweg)
        {
            befehl.Parameters.Add(new NpgsqlParameter { Value = wert });
        }

        foreach (var spalte in spalten)
        {
            befehl.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = spalte.Typ, Value = spalte.Wert(zeile) ?? DBNull.Value });
        }

        return befehl;
    }

    /// <summary>The columns of a row of <see cref="FallAuswahlSql"/> (the Fall's, then its client's), as a cache keeps them.</summary>
    public static object?[] FallWerte(Fall fall)
    {
        var werte = new object?[FallAlle.Length + Klient.Length - 1];
        var i = 0;
        foreach (var spalte in FallAlle)
        {
            werte[i++] = spalte.Wert(fall);
        }

        foreach (var spalte in Klient)
        {
            if (spalte.Name != "mandant")
            {
                werte[i++] = spalte.Wert((fall.Klient, fall.Mandant));
            }
        }

        return werte;
    }

    /// <summary>Rebuilds the Fall with its client from a row of <see cref="FallAuswahlSql"/> (or its <see cref="FallWerte"/>); the child lists stay empty.</summary>
    public static Fall FallLesen(ref Zeile z)
    {
        var fall = NeuerFall();
        SetId(fall, z.Guid());
        SetMandant(fall, z.Text());
        SetAktenzeichen(fall, z.Text());
        SetKlientId(fall, z.Guid());
        SetAufgenommenAm(fall, z.Datum());
        SetErstelltAm(fall, z.Zeit());
        SetFallmanagerId(fall, z.TextOderNull());
        SetTeamId(fall, z.GuidOderNull());
        SetGeaendertAm(fall, z.Zeit());
        SetVersion(fall, z.Ganzzahl());
        SetEreignisAnzahl(fall, z.Ganzzahl());
        SetArt13InformiertAm(fall, z.DatumOderNull());
        SetLetzterKontaktAm(fall, z.DatumOderNull());
        SetKompetenzprofil(fall, JsonSerializer.Deserialize<Kompetenzprofil>(z.Text(), JsonWerte.Optionen) ?? new Kompetenzprofil());

        var p = fall.Prozess;
        SetZustand(p, z.Enum<ProzessZustand>());
        SetSeit(p, z.Datum());
        SetPhaseVorRuhen(p, z.EnumOderNull<ProzessZustand>());
        SetAbschlussgrund(p, z.EnumOderNull<Abschlussgrund>());
        SetAbbruchgrund(p, z.EnumOderNull<Abbruchgrund>());

        var a = fall.Aufenthalt;
        SetZustand(a, z.Enum<AufenthaltZustand>());
        SetSeit(a, z.Datum());
        SetRechtmaessigSeit(a, z.DatumOderNull());
        SetGeduldetSeit(a, z.DatumOderNull());
        SetSchutzform(a, z.EnumOderNull<Schutzform>());
        SetTitelArt(a, z.EnumOderNull<AufenthaltZustand>());
        SetRechtsgrundlage(a, z.TextOderNull());
        SetTitelGueltigAb(a, z.DatumOderNull());
        SetGueltigBis(a, z.DatumOderNull());
        SetNebenbestimmungen(a, z.TextOderNull());
        SetWohnsitzauflage(a, z.Wahrheit());
        SetErsteParagraph24ErteilungAm(a, z.DatumOderNull());
        SetChancenaufenthaltsrechtSeit(a, z.DatumOderNull());

        var l = fall.Leistungen;
        SetZustand(l, z.Enum<LeistungenZustand>());
        SetSeit(l, z.Datum());
        SetKooperationsplanAm(l, z.DatumOderNull());
        SetMassnahme(l, z.EnumOderNull<Massnahmeart>());
        SetBeschaeftigtSeit(l, z.DatumOderNull());
        SetWochenstunden(l, z.GanzzahlOderNull());

        var b = fall.Bildung;
        SetZustand(b, z.Enum<BildungZustand>());
        SetSeit(b, z.Datum());
        SetIntegrationskursArt(b, z.EnumOderNull<IntegrationskursArt>());
        SetIntegrationskursWiederholungen(b, z.Ganzzahl());
        SetIntegrationskursAbgeschlossen(b, z.Wahrheit());
        SetMassnahmebezeichnung(b, z.TextOderNull());

        var k = NeuerKlient();
        SetId(k, z.Guid());
        SetVorname(k, z.Text());
        SetNachname(k, z.Text());
        SetGeburtsdatum(k, z.Datum());
        SetGeschlecht(k, z.Enum<Geschlecht>());
        SetHerkunftsland(k, z.Text());
        SetEinreisedatum(k, z.DatumOderNull());
        SetHaushaltId(k, z.GuidOderNull());
        SetMinderjaehrigeKinder(k, z.Ganzzahl());
        SetErstelltAm(k, z.Zeit());
        SetKlient(fall, k);
        return fall;
    }

    public static List<Einwilligung> EinwilligungenVon(Fall fall) => EinwilligungenFeld(fall);

    public static List<Ziel> ZieleVon(Fall fall) => ZieleFeld(fall);

    public static List<Wiedervorlage> WiedervorlagenVon(Fall fall) => WiedervorlagenFeld(fall);

    public static List<Vertretung> VertretungenVon(Fall fall) => VertretungenFeld(fall);

    public static List<Ueberleitung> UeberleitungenVon(Fall fall) => UeberleitungenFeld(fall);

    private static Einwilligung EinwilligungLesen(ref Zeile z)
    {
        var e = NeueEinwilligung();
        SetId(e, z.Guid());
        SetFallId(e, z.Guid());
        SetEmpfaenger(e, z.Enum<Empfaenger>());
        SetDatenkategorien(e, (Datenkategorie)z.Ganzzahl());
        SetZweck(e, z.Text());
        SetGueltigAb(e, z.Datum());
        SetGueltigBis(e, z.DatumOderNull());
        SetFormularReferenz(e, z.Text());
        SetErfasstAm(e, z.Zeit());
        SetErfasstVon(e, z.Text());
        SetWiderrufenAm(e, z.ZeitOderNull());
        SetWiderrufenVon(e, z.TextOderNull());
        return e;
    }

    private static Ziel ZielLesen(ref Zeile z)
    {
        var ziel = NeuesZiel();
        SetId(ziel, z.Guid());
        SetFallId(ziel, z.Guid());
        SetWas(ziel, z.Text());
        SetBisWann(ziel, z.Datum());
        SetWer(ziel, z.Text());
        SetMessgroesse(ziel, z.TextOderNull());
        SetVereinbartAm(ziel, z.Datum());
        SetBewertung(ziel, z.EnumOderNull<ZielBewertung>());
        SetBewertetAm(ziel, z.DatumOderNull());
        return ziel;
    }

    private static Wiedervorlage WiedervorlageLesen(ref Zeile z)
    {
        var w = NeueWiedervorlage();
        SetId(w, z.Guid());
        SetFallId(w, z.Guid());
        SetFaellig(w, z.Datum());
        SetBetreff(w, z.Text());
        SetArt(w, z.Enum<WiedervorlageArt>());
        SetSchluessel(w, z.TextOderNull());
        SetZustaendigId(w, z.TextOderNull());
        SetErstelltAm(w, z.Zeit());
        SetErledigtAm(w, z.ZeitOderNull());
        SetErledigtVon(w, z.TextOderNull());
        return w;
    }

    private static Vertretung VertretungLesen(ref Zeile z)
    {
        var v = NeueVertretung();
        SetId(v, z.Guid());
        SetFallId(v, z.Guid());
        SetBenutzerId(v, z.Text());
        SetVon(v, z.Datum());
        SetBis(v, z.Datum());
        return v;
    }

    private static Ueberleitung UeberleitungLesen(ref Zeile z)
    {
        var u = NeueUeberleitung();
        SetId(u, z.Guid());
        SetFallId(u, z.Guid());
        SetEmpfaenger(u, z.Enum<Behoerde>());
        SetAnliegen(u, z.Text());
        SetZustand(u, z.Enum<UeberleitungZustand>());
        SetSeit(u, z.Datum());
        SetErstelltAm(u, z.Zeit());
        SetErstelltVon(u, z.Text());
        return u;
    }

    // ------------------------------------------------------------------ private state of the domain objects

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Fall NeuerFall();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Klient NeuerKlient();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Einwilligung NeueEinwilligung();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Ziel NeuesZiel();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Wiedervorlage NeueWiedervorlage();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Vertretung NeueVertretung();

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern Ueberleitung NeueUeberleitung();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_einwilligungen")]
    private static extern ref List<Einwilligung> EinwilligungenFeld(Fall f);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_ziele")]
    private static extern ref List<Ziel> ZieleFeld(Fall f);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_wiedervorlagen")]
    private static extern ref List<Wiedervorlage> WiedervorlagenFeld(Fall f);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_vertretungen")]
    private static extern ref List<Vertretung> VertretungenFeld(Fall f);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_ueberleitungen")]
    private static extern ref List<Ueberleitung> UeberleitungenFeld(Fall f);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Fall o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Mandant")]
    private static extern void SetMandant(Fall o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Aktenzeichen")]
    private static extern void SetAktenzeichen(Fall o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_KlientId")]
    private static extern void SetKlientId(Fall o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Klient")]
    private static extern void SetKlient(Fall o, Klient v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_AufgenommenAm")]
    private static extern void SetAufgenommenAm(Fall o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErstelltAm")]
    private static extern void SetErstelltAm(Fall o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallmanagerId")]
    private static extern void SetFallmanagerId(Fall o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_TeamId")]
    private static extern void SetTeamId(Fall o, Guid? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_GeaendertAm")]
    private static extern void SetGeaendertAm(Fall o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Version")]
    private static extern void SetVersion(Fall o, int v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_EreignisAnzahl")]
    private static extern void SetEreignisAnzahl(Fall o, int v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Art13InformiertAm")]
    private static extern void SetArt13InformiertAm(Fall o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_LetzterKontaktAm")]
    private static extern void SetLetzterKontaktAm(Fall o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Kompetenzprofil")]
    private static extern void SetKompetenzprofil(Fall o, Kompetenzprofil v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zustand")]
    private static extern void SetZustand(ProzessDaten o, ProzessZustand v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Seit")]
    private static extern void SetSeit(ProzessDaten o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PhaseVorRuhen")]
    private static extern void SetPhaseVorRuhen(ProzessDaten o, ProzessZustand? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Abschlussgrund")]
    private static extern void SetAbschlussgrund(ProzessDaten o, Abschlussgrund? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Abbruchgrund")]
    private static extern void SetAbbruchgrund(ProzessDaten o, Abbruchgrund? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zustand")]
    private static extern void SetZustand(AufenthaltDaten o, AufenthaltZustand v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Seit")]
    private static extern void SetSeit(AufenthaltDaten o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_RechtmaessigSeit")]
    private static extern void SetRechtmaessigSeit(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_GeduldetSeit")]
    private static extern void SetGeduldetSeit(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Schutzform")]
    private static extern void SetSchutzform(AufenthaltDaten o, Schutzform? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_TitelArt")]
    private static extern void SetTitelArt(AufenthaltDaten o, AufenthaltZustand? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Rechtsgrundlage")]
    private static extern void SetRechtsgrundlage(AufenthaltDaten o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_TitelGueltigAb")]
    private static extern void SetTitelGueltigAb(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_GueltigBis")]
    private static extern void SetGueltigBis(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Nebenbestimmungen")]
    private static extern void SetNebenbestimmungen(AufenthaltDaten o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Wohnsitzauflage")]
    private static extern void SetWohnsitzauflage(AufenthaltDaten o, bool v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErsteParagraph24ErteilungAm")]
    private static extern void SetErsteParagraph24ErteilungAm(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ChancenaufenthaltsrechtSeit")]
    private static extern void SetChancenaufenthaltsrechtSeit(AufenthaltDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zustand")]
    private static extern void SetZustand(LeistungenDaten o, LeistungenZustand v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Seit")]
    private static extern void SetSeit(LeistungenDaten o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_KooperationsplanAm")]
    private static extern void SetKooperationsplanAm(LeistungenDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Massnahme")]
    private static extern void SetMassnahme(LeistungenDaten o, Massnahmeart? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_BeschaeftigtSeit")]
    private static extern void SetBeschaeftigtSeit(LeistungenDaten o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Wochenstunden")]
    private static extern void SetWochenstunden(LeistungenDaten o, int? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zustand")]
    private static extern void SetZustand(BildungDaten o, BildungZustand v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Seit")]
    private static extern void SetSeit(BildungDaten o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_IntegrationskursArt")]
    private static extern void SetIntegrationskursArt(BildungDaten o, IntegrationskursArt? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_IntegrationskursWiederholungen")]
    private static extern void SetIntegrationskursWiederholungen(BildungDaten o, int v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_IntegrationskursAbgeschlossen")]
    private static extern void SetIntegrationskursAbgeschlossen(BildungDaten o, bool v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Massnahmebezeichnung")]
    private static extern void SetMassnahmebezeichnung(BildungDaten o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Klient o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Vorname")]
    private static extern void SetVorname(Klient o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Nachname")]
    private static extern void SetNachname(Klient o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Geburtsdatum")]
    private static extern void SetGeburtsdatum(Klient o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Geschlecht")]
    private static extern void SetGeschlecht(Klient o, Geschlecht v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Herkunftsland")]
    private static extern void SetHerkunftsland(Klient o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Einreisedatum")]
    private static extern void SetEinreisedatum(Klient o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_HaushaltId")]
    private static extern void SetHaushaltId(Klient o, Guid? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_MinderjaehrigeKinder")]
    private static extern void SetMinderjaehrigeKinder(Klient o, int v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErstelltAm")]
    private static extern void SetErstelltAm(Klient o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Einwilligung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallId")]
    private static extern void SetFallId(Einwilligung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Empfaenger")]
    private static extern void SetEmpfaenger(Einwilligung o, Empfaenger v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Datenkategorien")]
    private static extern void SetDatenkategorien(Einwilligung o, Datenkategorie v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zweck")]
    private static extern void SetZweck(Einwilligung o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_GueltigAb")]
    private static extern void SetGueltigAb(Einwilligung o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_GueltigBis")]
    private static extern void SetGueltigBis(Einwilligung o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FormularReferenz")]
    private static extern void SetFormularReferenz(Einwilligung o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErfasstAm")]
    private static extern void SetErfasstAm(Einwilligung o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErfasstVon")]
    private static extern void SetErfasstVon(Einwilligung o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_WiderrufenAm")]
    private static extern void SetWiderrufenAm(Einwilligung o, DateTimeOffset? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_WiderrufenVon")]
    private static extern void SetWiderrufenVon(Einwilligung o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Ziel o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallId")]
    private static extern void SetFallId(Ziel o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Was")]
    private static extern void SetWas(Ziel o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_BisWann")]
    private static extern void SetBisWann(Ziel o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Wer")]
    private static extern void SetWer(Ziel o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Messgroesse")]
    private static extern void SetMessgroesse(Ziel o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_VereinbartAm")]
    private static extern void SetVereinbartAm(Ziel o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Bewertung")]
    private static extern void SetBewertung(Ziel o, ZielBewertung? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_BewertetAm")]
    private static extern void SetBewertetAm(Ziel o, DateOnly? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Wiedervorlage o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallId")]
    private static extern void SetFallId(Wiedervorlage o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Faellig")]
    private static extern void SetFaellig(Wiedervorlage o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Betreff")]
    private static extern void SetBetreff(Wiedervorlage o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Art")]
    private static extern void SetArt(Wiedervorlage o, WiedervorlageArt v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Schluessel")]
    private static extern void SetSchluessel(Wiedervorlage o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ZustaendigId")]
    private static extern void SetZustaendigId(Wiedervorlage o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErstelltAm")]
    private static extern void SetErstelltAm(Wiedervorlage o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErledigtAm")]
    private static extern void SetErledigtAm(Wiedervorlage o, DateTimeOffset? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErledigtVon")]
    private static extern void SetErledigtVon(Wiedervorlage o, string? v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Vertretung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallId")]
    private static extern void SetFallId(Vertretung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_BenutzerId")]
    private static extern void SetBenutzerId(Vertretung o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Von")]
    private static extern void SetVon(Vertretung o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Bis")]
    private static extern void SetBis(Vertretung o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Ueberleitung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_FallId")]
    private static extern void SetFallId(Ueberleitung o, Guid v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Empfaenger")]
    private static extern void SetEmpfaenger(Ueberleitung o, Behoerde v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Anliegen")]
    private static extern void SetAnliegen(Ueberleitung o, string v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Zustand")]
    private static extern void SetZustand(Ueberleitung o, UeberleitungZustand v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Seit")]
    private static extern void SetSeit(Ueberleitung o, DateOnly v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErstelltAm")]
    private static extern void SetErstelltAm(Ueberleitung o, DateTimeOffset v);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ErstelltVon")]
    private static extern void SetErstelltVon(Ueberleitung o, string v);
}
