using System.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Faelle.Berichtigung;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Builds the Art. 15 copy of one client (<see cref="Auskunft"/>) in one consistent snapshot (repeatable read, read only).
/// The data come from the catalogue of personal data, not from a list here: every table of
/// <see cref="Datenkatalog.Fallakte"/> with every catalogue column, selected by how the table relates to the client
/// (<see cref="Fallbezug.Klient"/>: the client's row; <see cref="Fallbezug.Fall"/>: the client's Fälle by
/// <c>klient_id</c>, so anonymised Fälle, which have none, are never in it; every other: by <c>fall_id</c>), labelled with
/// the catalogue's German descriptions and shown as <see cref="KatalogSpalte.InAuskunft"/> says. A column added to the
/// catalogue appears in the copy without a change here. The access log is every audit row with the client's id or one of
/// the client's Fälle. An unknown client, one of another Kommune and an erased one (no client row) are the same
/// <see cref="NichtGefundenException"/>.
/// </summary>
public sealed class AuskunftErstellung(NpgsqlDataSource dataSource, Rechtsregeltabelle regeln, IOptions<DatenschutzOptionen> optionen)
{
    /// <summary>The 404 text, the same for an unknown, a foreign and an erased client.</summary>
    public const string NichtGefunden = "Die Person wurde nicht gefunden.";

    /// <summary>The audit action of a production of the copy.</summary>
    public const string AuditAktion = "Datenschutz.Auskunft";

    /// <summary>What the copy writes for a link to other persons (<see cref="Auskunftsform.NurVerknuepfung"/>).</summary>
    public const string Verknuepft = "verknüpft (weitere beteiligte Personen werden in dieser Auskunft nicht genannt)";

    private const string AuditSql = """
        SELECT id, zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, ergebnis
        FROM audit_protokoll
        WHERE klient_id = $1 OR fall_id = ANY($2)
        ORDER BY zeitpunkt, id
        """;

    private const string EinwilligungenSql = """
        SELECT e.empfaenger, e.datenkategorien, e.zweck, e.gueltig_ab, e.gueltig_bis, e.widerrufen_am, f.aktenzeichen
        FROM einwilligungen e JOIN faelle f ON f.id = e.fall_id
        WHERE e.fall_id = ANY($1)
        ORDER BY e.gueltig_ab, e.erfasst_am, e.id
        """;

    private const string UebergabenSql = """
        SELECT u.empfaenger, u.anlass, u.fachliches_datum, f.aktenzeichen
        FROM kompetenzprofil_uebergaben u JOIN faelle f ON f.id = u.fall_id
        WHERE u.fall_id = ANY($1)
        ORDER BY u.fachliches_datum, u.erstellt_am, u.id
        """;

    private const string UeberleitungenSql = """
        SELECT u.empfaenger, u.anliegen, u.zustand, u.seit, u.erstellt_am, f.aktenzeichen
        FROM ueberleitungen u JOIN faelle f ON f.id = u.fall_id
        WHERE u.fall_id = ANY($1)
        ORDER BY u.erstellt_am, u.id
        """;

    private static readonly string[] Rechte =
    [
        "Berichtigung unrichtiger Daten (Art. 16 DSGVO, § 84 SGB X)",
        "Löschung (Art. 17 DSGVO) oder Einschränkung der Verarbeitung (Art. 18 DSGVO), jeweils mit § 84 SGB X",
        "Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)",
        "Widerruf einer Einwilligung jederzeit mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO); die Teilnahme am Case Management ist freiwillig",
        "Beschwerde bei der Aufsichtsbehörde (Art. 77 DSGVO, § 81 SGB X)",
    ];

    private readonly DatenschutzOptionen _optionen = optionen.Value;

    /// <summary>The copy of client <paramref name="klientId"/> of tenant <paramref name="mandant"/>, as stored at <paramref name="jetzt"/>; retention periods as the rule table says on <paramref name="heute"/>.</summary>
    /// <exception cref="NichtGefundenException">No such client in the tenant (unknown or erased).</exception>
    public async Task<Auskunft> ErstellenAsync(Guid klientId, string mandant, DateTimeOffset jetzt, DateOnly heute, CancellationToken ct)
    {
        await using var verbindung = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaktion = await verbindung.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await AusfuehrenAsync(verbindung, "SET TRANSACTION READ ONLY", ct).ConfigureAwait(false);
        await MandantKontext.TransaktionEinschraenkenAsync(verbindung, ct).ConfigureAwait(false);

        if (!await KlientVorhandenAsync(verbindung, klientId, mandant, ct).ConfigureAwait(false))
        {
            throw new NichtGefundenException(NichtGefunden);
        }

        var roh = new List<(KatalogTabelle Tabelle, Rohtabelle Zeilen)>();
        foreach (var tabelle in Datenkatalog.Fallakte)
        {
            roh.Add((tabelle, await TabelleLesenAsync(verbindung, tabelle, klientId, roh, ct).ConfigureAwait(false)));
        }

        var faelle = FaelleAus(roh);
        var fallIds = faelle.Select(f => f.Id).ToArray();
        var audit = await AuditLesenAsync(verbindung, klientId, fallIds, ct).ConfigureAwait(false);
        byte[]? schluessel;
        await using (var befehl = new NpgsqlCommand("SELECT schluessel FROM klient_schluessel WHERE klient_id = $1", verbindung))
        {
            befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
            schluessel = await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false) as byte[];
        }

        var benutzerIds = roh.SelectMany(r => r.Zeilen.Werte(Auskunftsform.Beschaeftigte)).OfType<string>().Concat(audit.Select(a => a.BenutzerId));
        var teamIds = roh.SelectMany(r => r.Zeilen.Werte(Auskunftsform.Beschaeftigte)).OfType<Guid>();
        var optionen = _optionen.Fuer(mandant);
        var beschaeftigte = await Beschaeftigtenangaben.LadenAsync(verbindung, benutzerIds, teamIds, optionen.AuskunftNenntBeschaeftigte, ct).ConfigureAwait(false);

        var aktenzeichen = faelle.ToDictionary(f => f.Id, f => f.Aktenzeichen);
        var empfaenger = new List<AuskunftEmpfang>();
        empfaenger.AddRange(await EinwilligungenAsync(verbindung, fallIds, jetzt, heute, ct).ConfigureAwait(false));
        empfaenger.AddRange(await UebergabenAsync(verbindung, fallIds, ct).ConfigureAwait(false));
        empfaenger.AddRange(await UeberleitungenAsync(verbindung, fallIds, ct).ConfigureAwait(false));
        empfaenger.AddRange(PartnerZugriffe(audit, beschaeftigte));
        await transaktion.CommitAsync(ct).ConfigureAwait(false);

        var daten = roh.Select(r => Tabelle(r.Tabelle, r.Zeilen, beschaeftigte, heute)).ToArray();
        var klient = roh.Single(r => r.Tabelle.Fallbezug == Fallbezug.Klient).Zeilen.Zeilen.Single();
        var name = $"{klient.GetValueOrDefault("vorname")} {klient.GetValueOrDefault("nachname")}".Trim();

        return new Auskunft(
            "Auskunft nach Art. 15 DSGVO",
            "Art. 15 DSGVO, § 83 SGB X",
            jetzt,
            klientId,
            name,
            optionen.AuskunftNenntBeschaeftigte,
            faelle,
            daten,
            Berichtigungen(audit, aktenzeichen, klientId, schluessel),
            empfaenger,
            Zugriffe(audit, aktenzeichen, beschaeftigte),
            Informationen(daten, heute, optionen));
    }

    /// <summary>Clients of the tenant whose name (every word) or one of whose Aktenzeichen contains <paramref name="suche"/>; at most <paramref name="hoechstens"/>.</summary>
    public async Task<IReadOnlyList<KlientTreffer>> SuchenAsync(string suche, string mandant, int hoechstens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(suche);
        var woerter = suche.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToArray();
        var befehl = new NpgsqlBatchCommand();
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Muster(suche.Trim()) });
        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = hoechstens });
        var namen = new List<string>();
        foreach (var wort in woerter)
        {
            befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Muster(wort) });
            namen.Add($"(k.vorname || ' ' || k.nachname) ILIKE ${befehl.Parameters.Count}");
        }

        befehl.CommandText = $"""
            SELECT k.id, k.vorname, k.nachname, k.geburtsdatum,
                   coalesce(array_agg(f.aktenzeichen ORDER BY f.aktenzeichen) FILTER (WHERE f.id IS NOT NULL), '{"{}"}')
            FROM klienten k LEFT JOIN faelle f ON f.klient_id = k.id
            WHERE k.mandant = $1
              AND (({(namen.Count == 0 ? "false" : string.Join(" AND ", namen))})
                   OR EXISTS (SELECT 1 FROM faelle g WHERE g.klient_id = k.id AND g.aktenzeichen ILIKE $2))
            GROUP BY k.id, k.vorname, k.nachname, k.geburtsdatum
            ORDER BY k.nachname, k.vorname, k.geburtsdatum, k.id
            LIMIT $3
            """;
        var treffer = new List<KlientTreffer>();
        await using var batch = MandantKontext.Einzeln(dataSource, befehl);
        await using var reader = await MandantKontext.LesenAsync(batch, ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            treffer.Add(new KlientTreffer(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<string[]>(4)));
        }

        return treffer;

        static string Muster(string text) => "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
    }

    /// <summary>The German text of a table's retention: the period valid today (rule table) and the catalogue's rule.</summary>
    internal static string Speicherdauer(KatalogTabelle tabelle, Rechtsregeltabelle regeln, DateOnly heute) =>
        tabelle.Aufbewahrung is { } schluessel && regeln.TryWert(schluessel, heute, out var frist)
            ? $"{frist.Text()} {Datenschutztexte.Ausloeser(schluessel.Name)}".TrimEnd() + "; " + tabelle.Loeschregel
            : tabelle.Loeschregel;

    private static async Task AusfuehrenAsync(NpgsqlConnection verbindung, string sql, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await befehl.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<bool> KlientVorhandenAsync(NpgsqlConnection verbindung, Guid klientId, string mandant, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM klienten WHERE id = $1 AND mandant = $2)", verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        return (bool)(await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The client's rows of one catalogue table, every catalogue column. The client's row by its id; the Fall rows by
    /// <c>klient_id</c>; every other table by <c>fall_id</c> among the Fälle already read (the catalogue lists <c>faelle</c>
    /// before its child tables).
    /// </summary>
    private static async Task<Rohtabelle> TabelleLesenAsync(NpgsqlConnection verbindung, KatalogTabelle tabelle, Guid klientId, List<(KatalogTabelle Tabelle, Rohtabelle Zeilen)> bisher, CancellationToken ct)
    {
        string Bedingung(string spalte) => tabelle.Spalten.Any(s => s.Name == spalte)
            ? $"t.{Bezeichner(spalte)}"
            : throw new InvalidOperationException($"Die Tabelle {tabelle.Name} ({tabelle.Fallbezug}) hat im Datenkatalog keine Spalte {spalte}; die Auskunft kann ihre Zeilen keiner Person zuordnen.");

        await using var befehl = new NpgsqlCommand { Connection = verbindung };
        var spalten = string.Join(", ", tabelle.Spalten.Select(s => "t." + Bezeichner(s.Name)));
        switch (tabelle.Fallbezug)
        {
            case Fallbezug.Klient:
                befehl.CommandText = $"SELECT {spalten} FROM {Bezeichner(tabelle.Name)} t WHERE {Bedingung("id")} = $1";
                befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
                break;
            case Fallbezug.Fall:
                befehl.CommandText = $"SELECT {spalten} FROM {Bezeichner(tabelle.Name)} t WHERE {Bedingung("klient_id")} = $1";
                befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
                break;
            default:
                var faelle = bisher.SingleOrDefault(b => b.Tabelle.Fallbezug == Fallbezug.Fall).Zeilen
                    ?? throw new InvalidOperationException($"Der Datenkatalog nennt {tabelle.Name} vor der Tabelle der Fälle.");
                befehl.CommandText = $"SELECT {spalten} FROM {Bezeichner(tabelle.Name)} t WHERE {Bedingung("fall_id")} = ANY($1)";
                befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = faelle.Zeilen.Select(z => (Guid)z["id"]!).ToArray() });
                break;
        }

        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var typen = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var zeilen = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var zeile = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < tabelle.Spalten.Count; i++)
            {
                zeile[tabelle.Spalten[i].Name] = reader.IsDBNull(i) ? null : Lesen(reader, i, typen[i]);
            }

            zeilen.Add(zeile);
        }

        return new Rohtabelle(tabelle, typen, Ordnen(tabelle, zeilen, typen));
    }

    private static object? Lesen(NpgsqlDataReader reader, int i, string typ) => typ switch
    {
        "date" => reader.GetFieldValue<DateOnly>(i),
        "timestamp with time zone" => reader.GetFieldValue<DateTimeOffset>(i),
        "json" or "jsonb" => JsonNode.Parse(reader.GetString(i)),
        "uuid" => reader.GetGuid(i),
        "bytea" => reader.GetFieldValue<byte[]>(i),
        "xid8" or "xid" => reader.GetValue(i).ToString()!,
        _ => reader.GetValue(i),
    };

    /// <summary>Rows in a stable order people can follow: by Fall, then by the first date or instant of the row, then by number and id.</summary>
    private static List<Dictionary<string, object?>> Ordnen(KatalogTabelle tabelle, List<Dictionary<string, object?>> zeilen, string[] typen)
    {
        var datum = tabelle.Spalten.Select((s, i) => (s.Name, Typ: typen[i])).FirstOrDefault(s => s.Typ is "date" or "timestamp with time zone").Name;
        static IComparable? Schluessel(Dictionary<string, object?> z, string? spalte) => spalte is not null && z.GetValueOrDefault(spalte) is { } w
            ? w switch { DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), DateTimeOffset t => t.UtcDateTime, IComparable c => c, _ => w.ToString() }
            : null;
        return zeilen
            .OrderBy(z => Schluessel(z, "fall_id"))
            .ThenBy(z => Schluessel(z, datum))
            .ThenBy(z => Schluessel(z, "nr"))
            .ThenBy(z => Schluessel(z, "id"))
            .ToList();
    }

    private static List<AuskunftFall> FaelleAus(List<(KatalogTabelle Tabelle, Rohtabelle Zeilen)> roh) =>
        roh.Single(r => r.Tabelle.Fallbezug == Fallbezug.Fall).Zeilen.Zeilen
            .Select(z => new AuskunftFall((Guid)z["id"]!, z.GetValueOrDefault("aktenzeichen") as string ?? string.Empty))
            .OrderBy(f => f.Aktenzeichen, StringComparer.Ordinal)
            .ToList();

    private AuskunftTabelle Tabelle(KatalogTabelle tabelle, Rohtabelle roh, Beschaeftigtenangaben beschaeftigte, DateOnly heute)
    {
        var spalten = tabelle.Spalten.Select((s, i) => new AuskunftSpalte(s.Name, s.Beschreibung, s.Art.Bezeichnung(), Typ(roh.Typen[i], s))).ToArray();
        var zeilen = roh.Zeilen.Select(z =>
        {
            var json = new JsonObject();
            foreach (var s in tabelle.Spalten)
            {
                json[s.Name] = z[s.Name] is { } wert ? Wert(s, wert, beschaeftigte) : null;
            }

            return json;
        }).ToArray();
        return new AuskunftTabelle(tabelle.Name, tabelle.Bezeichnung, tabelle.Zweck, Speicherdauer(tabelle, regeln, heute), spalten, zeilen);
    }

    private static string Typ(string datenbanktyp, KatalogSpalte spalte) => spalte.InAuskunft != Auskunftsform.Wert ? "text" : datenbanktyp switch
    {
        "date" => "datum",
        "timestamp with time zone" => "zeitpunkt",
        "boolean" => "ja/nein",
        "json" or "jsonb" => "json",
        "uuid" => "kennung",
        "integer" or "bigint" or "smallint" or "numeric" or "real" or "double precision" => "zahl",
        _ => "text",
    };

    /// <summary>A stored value as the copy shows it (<see cref="KatalogSpalte.InAuskunft"/>).</summary>
    private static JsonNode? Wert(KatalogSpalte spalte, object wert, Beschaeftigtenangaben beschaeftigte) => spalte.InAuskunft switch
    {
        Auskunftsform.Beschaeftigte => JsonValue.Create(beschaeftigte.Bezeichnung(wert)),
        Auskunftsform.NurVerknuepfung => JsonValue.Create(Verknuepft),
        _ => wert switch
        {
            JsonNode node => node.DeepClone(),
            string s => JsonValue.Create(s),
            Guid g => JsonValue.Create(g.ToString("D")),
            DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTimeOffset t => JsonValue.Create(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
            bool b => JsonValue.Create(b),
            int n => JsonValue.Create(n),
            long n => JsonValue.Create(n),
            short n => JsonValue.Create(n),
            decimal n => JsonValue.Create(n),
            double n => JsonValue.Create(n),
            byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            _ => JsonValue.Create(Convert.ToString(wert, CultureInfo.InvariantCulture)),
        },
    };

    private static async Task<List<AuditZeile>> AuditLesenAsync(NpgsqlConnection verbindung, Guid klientId, Guid[] fallIds, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(AuditSql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = klientId });
        befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = fallIds });
        var zeilen = new List<AuditZeile>();
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            zeilen.Add(new AuditZeile(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetInt32(7)));
        }

        return zeilen;
    }

    private static bool Ausgefuehrt(int ergebnis) => ergebnis is >= 200 and < 300;

    private static List<AuskunftZugriff> Zugriffe(List<AuditZeile> audit, Dictionary<Guid, string> aktenzeichen, Beschaeftigtenangaben beschaeftigte) =>
        audit.Select(a =>
        {
            var (vorgang, aendernd) = Datenschutztexte.Aktion(a.Aktion);
            var (rollen, stelle, person) = beschaeftigte.Handelnde(a.BenutzerId, a.Rollen);
            var einzelheiten = a.Aktion == KlientBerichtigungHandler.AuditAktion ? null : a.Detail;
            return new AuskunftZugriff(
                a.Id, a.Zeitpunkt, a.Aktion, vorgang, aendernd ? "geändert" : "gelesen", rollen, stelle, person,
                a.FallId is { } f && aktenzeichen.TryGetValue(f, out var az) ? az : null,
                einzelheiten, a.Ergebnis, Ausgefuehrt(a.Ergebnis));
        }).ToList();

    /// <summary>
    /// The corrections (Art. 16): the audit rows <c>Klient.Berichtigt</c> hold the client's old master data, encrypted
    /// with the client's key (<see cref="KlientSchluessel"/>, read in the copy's snapshot as <paramref name="schluessel"/>).
    /// </summary>
    private static List<AuskunftBerichtigung> Berichtigungen(List<AuditZeile> audit, Dictionary<Guid, string> aktenzeichen, Guid klientId, byte[]? schluessel) =>
        audit.Where(a => a.Aktion == KlientBerichtigungHandler.AuditAktion).Select(a =>
        {
            var felder = new List<AuskunftFeld>();
            try
            {
                var vorherText = a.Detail is null ? null : JsonNode.Parse(a.Detail)?["vorher"] is JsonValue wert && wert.TryGetValue<string>(out var geheim) && schluessel is not null
                    ? KlientSchluessel.Entschluesseln(schluessel, klientId, geheim)
                    : null;
                if (vorherText is not null && JsonNode.Parse(vorherText) is JsonObject vorher)
                {
                    felder.AddRange(vorher.Select(p => new AuskunftFeld(p.Key, KlientStammdaten.Felder.Bezeichnung(p.Key), p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value?.ToJsonString())));
                }
            }
            catch (JsonException)
            {
                // Not the documented shape: the stored text is in the copy as it is.
            }

            return new AuskunftBerichtigung(a.Zeitpunkt, a.FallId is { } f && aktenzeichen.TryGetValue(f, out var az) ? az : null, Ausgefuehrt(a.Ergebnis), felder, a.Detail);
        }).ToList();

    private static async Task<List<AuskunftEmpfang>> EinwilligungenAsync(NpgsqlConnection verbindung, Guid[] fallIds, DateTimeOffset jetzt, DateOnly heute, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(EinwilligungenSql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = fallIds });
        var liste = new List<AuskunftEmpfang>();
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var ab = reader.GetFieldValue<DateOnly>(3);
            DateOnly? bis = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4);
            DateTimeOffset? widerrufen = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5);
            var stand = widerrufen is { } w && w <= jetzt ? $"widerrufen am {Datenschutztexte.Datum(DateOnly.FromDateTime(w.UtcDateTime))}"
                : ab > heute ? "gilt noch nicht"
                : bis is { } b && b < heute ? "abgelaufen"
                : "gültig";
            liste.Add(new AuskunftEmpfang(
                Datenschutztexte.Stelle(reader.GetString(0)), "Ihre Einwilligung", Datenschutztexte.Kategorien((Datenkategorie)reader.GetInt32(1)),
                reader.GetString(2), ab, bis, widerrufen, stand, reader.GetString(6)));
        }

        return liste;
    }

    private static async Task<List<AuskunftEmpfang>> UebergabenAsync(NpgsqlConnection verbindung, Guid[] fallIds, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(UebergabenSql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = fallIds });
        var liste = new List<AuskunftEmpfang>();
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var am = reader.GetFieldValue<DateOnly>(2);
            liste.Add(new AuskunftEmpfang(
                Datenschutztexte.Stelle(reader.GetString(0)), "Übergabe des Kompetenzprofils", [Datenkategorie.Kompetenzprofil.Bezeichnung()],
                reader.GetString(1), am, am, null, "übergeben", reader.GetString(3)));
        }

        return liste;
    }

    private static async Task<List<AuskunftEmpfang>> UeberleitungenAsync(NpgsqlConnection verbindung, Guid[] fallIds, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(UeberleitungenSql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = fallIds });
        var liste = new List<AuskunftEmpfang>();
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(new AuskunftEmpfang(
                Datenschutztexte.Stelle(reader.GetString(0)), "Überleitung (Anfrage an die Stelle)", ["Anliegen der Überleitung", "Stand der Überleitung"],
                reader.GetString(1), null, null, null,
                $"{reader.GetString(2)} seit {Datenschutztexte.Datum(reader.GetFieldValue<DateOnly>(3))}", reader.GetString(5)));
        }

        return liste;
    }

    /// <summary>What staff of each partner authority did with the client's data, from the access log (read and changed, first and last day).</summary>
    private static IEnumerable<AuskunftEmpfang> PartnerZugriffe(List<AuditZeile> audit, Beschaeftigtenangaben beschaeftigte) =>
        audit.Where(a => a.Rollen.Split(',').Contains(nameof(Rolle.Partner)) && beschaeftigte.Behoerde(a.BenutzerId) is not null && Ausgefuehrt(a.Ergebnis))
            .GroupBy(a => beschaeftigte.Behoerde(a.BenutzerId)!.Value)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var gelesen = g.Count(a => !Datenschutztexte.Aktion(a.Aktion).Aendernd);
                var geaendert = g.Count() - gelesen;
                return new AuskunftEmpfang(
                    g.Key.Bezeichnung(), "Zugriff von Beschäftigten dieser Stelle (Zugriffsprotokoll)",
                    [$"{gelesen} Lesezugriffe", $"{geaendert} Änderungen"],
                    null, DateOnly.FromDateTime(g.Min(a => a.Zeitpunkt).UtcDateTime), DateOnly.FromDateTime(g.Max(a => a.Zeitpunkt).UtcDateTime), null,
                    "Einzelheiten im Zugriffsprotokoll", null);
            });

    private AuskunftInformationen Informationen(IReadOnlyList<AuskunftTabelle> daten, DateOnly heute, DatenschutzOptionen optionen)
    {
        var tabellen = Datenkatalog.Fallakte.ToArray();
        var behoerden = Enum.GetValues<Behoerde>().Select(b => b.Bezeichnung());
        return new AuskunftInformationen(
            Kontakt(optionen.Verantwortlicher, optionen.Schluesselpraefix + "Verantwortlicher"),
            Kontakt(optionen.Datenschutzbeauftragter, optionen.Schluesselpraefix + "Datenschutzbeauftragter"),
            tabellen.Select(t => $"{t.Bezeichnung}: {t.Zweck}").ToArray(),
            tabellen.SelectMany(t => t.Spalten).Select(s => s.Art).Distinct().Order().Select(a => a.Bezeichnung()).ToArray(),
            [
                $"{Datenschutztexte.EigeneStelle} (Fallmanagement, Teamleitung; Datenschutz für Auskunft und Kontrolle)",
                .. behoerden.Select(b => $"{b}: nur mit Ihrer gültigen Einwilligung und nur die Datenkategorien, die sie nennt"),
                "Lenkungsgruppe: nur zusammengefasste, anonyme Zahlen ohne Bezug zu Ihrer Person",
            ],
            daten.Select(t => $"{t.Bezeichnung}: {t.Speicherdauer}")
                .Append($"{Datenkatalog.Tabelle("audit_protokoll").Bezeichnung}: {Speicherdauer(Datenkatalog.Tabelle("audit_protokoll"), regeln, heute)}")
                .ToArray(),
            Datenkatalog.Tabellen.Where(t => t.Fallbezug == Fallbezug.Verweis && t.Personenbezogen)
                .Select(t => $"{t.Bezeichnung}: {t.Zweck}; {Speicherdauer(t, regeln, heute)}")
                .ToArray(),
            "Die Daten stammen von Ihnen selbst (Aufnahmegespräch und weitere Gespräche) sowie von den Partnerbehörden, soweit Sie in deren Beteiligung eingewilligt haben.",
            "Es findet keine ausschließlich automatisierte Entscheidung einschließlich Profiling statt (Art. 22 DSGVO). Die Software prüft nur, ob Voraussetzungen für einen Schritt vorliegen; entscheiden und handeln Menschen.",
            "Es werden keine Daten in Staaten außerhalb der Europäischen Union übermittelt.",
            Rechte,
            string.IsNullOrWhiteSpace(optionen.Aufsichtsbehoerde) ? DatenschutzOptionen.Platzhalter(nameof(DatenschutzOptionen.Aufsichtsbehoerde)) : optionen.Aufsichtsbehoerde);
    }

    /// <summary>A configured contact in one line, with a placeholder for what is missing.</summary>
    internal static string Kontakt(Kontaktangabe angabe, string schluessel)
    {
        var teile = new[] { angabe.Name, angabe.Anschrift, angabe.Kontakt }.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        return string.IsNullOrWhiteSpace(angabe.Name) ? DatenschutzOptionen.Platzhalter(schluessel + ":Name") : string.Join(", ", teile);
    }

    /// <summary>A quoted SQL identifier (the names come from the catalogue, never from a request).</summary>
    private static string Bezeichner(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record AuditZeile(long Id, DateTimeOffset Zeitpunkt, string BenutzerId, string Rollen, string Aktion, string? Detail, Guid? FallId, int Ergebnis);

    /// <summary>The rows of one table as read (CLR values by column name) and the database types of its columns.</summary>
    private sealed record Rohtabelle(KatalogTabelle Tabelle, string[] Typen, List<Dictionary<string, object?>> Zeilen)
    {
        /// <summary>Every non-null value of the columns the copy shows as <paramref name="form"/>.</summary>
        public IEnumerable<object> Werte(Auskunftsform form) =>
            Tabelle.Spalten.Where(s => s.InAuskunft == form).SelectMany(s => Zeilen.Select(z => z[s.Name])).OfType<object>();
    }
}
