using System.Globalization;
using System.Xml.Linq;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Datenschutz;

/// <summary>
/// Generated demo data (a few thousand Fälle over eight years), the real app on it, and one run of the erasure job with
/// the standard period (3 years after Abschluss, Abbruch or Verweisung): everything the tests compare is read before and
/// after the run. Some due Fälle are held (Sperrung); one has a hold that expired yesterday (it is erased). Rows that
/// only name a Fall (notices, idempotency records, sent-reminder keys, a Thema) are added for some due Fälle so that
/// their removal is seen.
/// </summary>
public sealed class LoeschlaufFixture : IAsyncLifetime
{
    public const int Klienten = 2500;

    private TestDatabase? _database;
    private KimWebFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Nicht initialisiert.");

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Nicht initialisiert.");

    /// <summary>The dry run before the run (after the holds were set) and the run itself.</summary>
    public Loeschlaufergebnis Probelauf { get; private set; } = null!;

    public Loeschlaufergebnis Lauf { get; private set; } = null!;

    /// <summary>The ids of the Fälle the run anonymised (before), of their anonymised rows (after), and of the held ones.</summary>
    public Guid[] Geloescht { get; private set; } = [];

    public Guid[] Anonymisiert { get; private set; } = [];

    public Guid[] Gesperrt { get; private set; } = [];

    public Guid GesperrtAbgelaufen { get; private set; }

    /// <summary>Every /api/analysen answer (path → body), before and after.</summary>
    public IReadOnlyDictionary<string, string> AnalysenVorher { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> AnalysenNachher { get; private set; } = null!;

    /// <summary>Ids of the erased Fälle and everything that belonged to them (Fall, client, child rows), as text.</summary>
    public string[] Kennungen { get; private set; } = [];

    public string?[] Aktenzeichen { get; private set; } = [];

    /// <summary>Clients whose every Fall was erased (their row must go), as text.</summary>
    public string?[] KlientenAllein { get; private set; } = [];

    /// <summary>"Vorname Nachname" of erased clients whose full name no other client had.</summary>
    public string?[] Namen { get; private set; } = [];

    /// <summary>Rows of the held Fälle (Fall, client, events, children) as text, before and after.</summary>
    public string HeldVorher { get; private set; } = string.Empty;

    public string HeldNachher { get; private set; } = string.Empty;

    /// <summary>Row counts of every table, before and after.</summary>
    public IReadOnlyDictionary<string, long> ZeilenVorher { get; private set; } = null!;

    public IReadOnlyDictionary<string, long> ZeilenNachher { get; private set; } = null!;

    /// <summary>Per catalogue rule (table.column) of the kept tables: the values the rule expects (from before) and the values after.</summary>
    public IReadOnlyDictionary<string, List<string?>> Erwartet { get; private set; } = null!;

    public IReadOnlyDictionary<string, List<string?>> Nachher { get; private set; } = null!;

    /// <summary>Per child/reference table: rows of the erased Fälle before and after.</summary>
    public IReadOnlyDictionary<string, (long Vorher, long Nachher)> Kinder { get; private set; } = null!;

    public DateOnly Heute { get; private set; }

    /// <summary>An erased client with an Art. 16 correction in the audit trail, and the encrypted old value there.</summary>
    public Guid BerichtigterKlient { get; private set; }

    public string BerichtigtVorher { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("loeschlauf");
        await DemodatenLader.LadenAsync(
            Database.OwnerConnectionString,
            new DemodatenGenerator(new DemodatenOptionen { Klienten = Klienten, Jahre = 8, Seed = 15, Heute = new DateOnly(2026, 11, 20) }),
            null,
            CancellationToken.None);
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(Database.AppConnectionString, Database.OwnerConnectionString));
        _factory.StartServer();
        var lenkungsgruppe = await Factory.AngemeldetAsync(await Factory.KontoAsync("lg.loeschung", Rolle.Lenkungsgruppe));
        var loeschung = Factory.Services.GetRequiredService<FallLoeschung>();
        Heute = Factory.Services.GetRequiredService<Application.Abstractions.IKalender>().Heute;

        // Holds: three due Fälle held (one of them until a date in the future), one with a hold that ended yesterday.
        var faellig = (await loeschung.LaufAsync(probelauf: true, default))!.ShouldHaveSingleItem().Faelle;
        faellig.Count.ShouldBeGreaterThan(100, "the generated data must have enough Fälle past the period");
        Gesperrt = [faellig[0].FallId, faellig[1].FallId, faellig[2].FallId];
        GesperrtAbgelaufen = faellig[3].FallId;
        await AusfuehrenAsync($"""
            INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von) VALUES
              (gen_random_uuid(), '{Gesperrt[0]}', 'standard', 'Klageverfahren anhängig', NULL, now(), 'ds.test'),
              (gen_random_uuid(), '{Gesperrt[1]}', 'standard', 'Auskunftsersuchen der Staatsanwaltschaft', '{Heute.AddDays(30):yyyy-MM-dd}', now(), 'ds.test'),
              (gen_random_uuid(), '{Gesperrt[2]}', 'standard', 'Bestreiten der Richtigkeit (Art. 18 Abs. 1 Buchst. a)', '{Heute:yyyy-MM-dd}', now(), 'ds.test'),
              (gen_random_uuid(), '{GesperrtAbgelaufen}', 'standard', 'abgelaufene Sperrung', '{Heute.AddDays(-1):yyyy-MM-dd}', now() - interval '40 days', 'ds.test');
            """);

        // Rows that only name a Fall: a notice, an idempotency record, a sent-reminder key (of a follow-up), a Thema.
        var mitVerweisen = faellig.Skip(4).Take(5).Select(x => x.FallId).ToArray();
        foreach (var (id, i) in mitVerweisen.Select((id, i) => (id, i)))
        {
            var antwort = "{\"fallId\":\"" + id + "\"}";
            await AusfuehrenAsync($"""
                INSERT INTO benachrichtigungen (empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am)
                SELECT 'fm.x', {i + 1}, f.id, 'Wiedervorlage', 'Wiedervorlage fällig: ' || f.aktenzeichen, 't', '/Faelle/' || f.id, now() FROM faelle f WHERE f.id = '{id}';
                INSERT INTO idempotenz (benutzer_id, schluessel, anfrage_hash, fall_id, erstellt_am, status, inhaltstyp, antwort)
                VALUES ('fm.x', 'k{i}', 'h', '{id}', now(), 200, 'application/json', convert_to('{antwort}', 'UTF8'));
                INSERT INTO termin_meldungen (schluessel, erstellt_am)
                SELECT 'wv:' || w.id || '|fm.x', now() FROM wiedervorlagen w WHERE w.fall_id = '{id}';
                INSERT INTO themen (id, mandant, fall_id, kategorie, beschreibung, status, erstellt_am, erstellt_von, geaendert_am, version)
                VALUES (gen_random_uuid(), 'standard', '{id}', 'WartezeitIntegrationskurs', 'Wartezeit auf einen Integrationskurs', 'Offen', now(), 'fm.x', now(), 1);
                """);
        }

        Probelauf = (await loeschung.LaufAsync(probelauf: true, default))!.ShouldHaveSingleItem();
        Geloescht = [.. Probelauf.Faelle.Select(f => f.FallId)];
        Geloescht.ShouldBeSubsetOf(faellig.Select(x => x.FallId));

        HeldVorher = await GehaltenAsync();
        Kennungen = [.. (await SpalteAsync($"""
            SELECT x::text FROM (
              SELECT id AS x FROM faelle WHERE id = ANY(@g) UNION ALL SELECT klient_id FROM faelle WHERE id = ANY(@g)
              {string.Join("\n", KindTabellen.Select(t => $"UNION ALL SELECT id FROM {t} WHERE fall_id = ANY(@g)"))}
              UNION ALL SELECT id FROM ueberleitungen WHERE fall_id = ANY(@g)) k
            """)).Select(x => x!)];
        Aktenzeichen = [.. await SpalteAsync("SELECT aktenzeichen FROM faelle WHERE id = ANY(@g)")];
        KlientenAllein = [.. await SpalteAsync("""
            SELECT k.id::text FROM klienten k WHERE k.id IN (SELECT klient_id FROM faelle WHERE id = ANY(@g))
              AND NOT EXISTS (SELECT 1 FROM faelle o WHERE o.klient_id = k.id AND NOT o.id = ANY(@g))
            """)];
        Namen = [.. await SpalteAsync("""
            SELECT k.vorname || ' ' || k.nachname FROM klienten k
            WHERE k.id IN (SELECT klient_id FROM faelle WHERE id = ANY(@g))
              AND NOT EXISTS (SELECT 1 FROM faelle o WHERE o.klient_id = k.id AND NOT o.id = ANY(@g))
              AND (SELECT count(*) FROM klienten o WHERE o.vorname = k.vorname AND o.nachname = k.nachname) = 1
            """)];
        // An Art. 16 correction of an erased client, as the handler writes it: the old name encrypted with the client's key.
        var berichtigt = (await SpalteAsync($"""
            SELECT k.id::text FROM klienten k WHERE k.vorname || ' ' || k.nachname = '{Namen[0]}'
            """)).Single()!;
        BerichtigterKlient = Guid.Parse(berichtigt);
        var schluessel = Factory.Services.GetRequiredService<Application.Abstractions.IKlientSchluessel>();
        BerichtigtVorher = await schluessel.VerschluesselnAsync(BerichtigterKlient, "{\"vorname\":\"" + Namen[0]!.Split(' ')[0] + "\"}", default);
        (await schluessel.EntschluesselnAsync(BerichtigterKlient, BerichtigtVorher, default)).ShouldNotBeNull();
        await AusfuehrenAsync($$"""
            INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis)
            SELECT now(), 'fm.x', 'Fallmanagement', 'Klient.Berichtigt', '{"felder":["vorname"],"vorher":"{{BerichtigtVorher}}"}', f.id, f.klient_id, 200
            FROM faelle f WHERE f.klient_id = '{{BerichtigterKlient}}';
            """);
        ZeilenVorher = await ZeilenAsync();
        Erwartet = await RegelnVorherAsync();
        var kinderVorher = await KinderAsync();
        AnalysenVorher = await AnalysenAsync(lenkungsgruppe);

        Lauf = (await loeschung.LaufAsync(probelauf: false, default))!.ShouldHaveSingleItem();

        Anonymisiert = [.. (await SpalteAsync("SELECT id::text FROM faelle WHERE anonymisiert_am IS NOT NULL")).Select(s => Guid.Parse(s!))];
        AnalysenNachher = await AnalysenAsync(lenkungsgruppe);
        HeldNachher = await GehaltenAsync();
        ZeilenNachher = await ZeilenAsync();
        Nachher = await RegelnNachherAsync();
        var kinderNachher = await KinderAsync();
        Kinder = kinderVorher.ToDictionary(k => k.Key, k => (k.Value, kinderNachher[k.Key]));
        lenkungsgruppe.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The tables whose rows belong to a Fall and go with it.</summary>
    public static IEnumerable<string> KindTabellen => Datenkatalog.Tabellen.Where(t => t.Fallbezug == Fallbezug.Kind).Select(t => t.Name);

    /// <summary>The kept tables whose rows move to the anonymised Fall, with the column naming the Fall.</summary>
    public static readonly IReadOnlyDictionary<string, string> BehalteneTabellen = new Dictionary<string, string>
    {
        ["faelle"] = "id",
        ["ueberleitungen"] = "fall_id",
        ["fall_ereignisse"] = "fall_id",
        ["themen"] = "fall_id",
    };

    /// <summary>
    /// What a coarsened or emptied column of the event log holds afterwards, as SQL over the row before (the event log
    /// is changed by the database function, not by an INSERT … SELECT from the catalogue).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EreignisRegeln = new Dictionary<string, string>
    {
        ["erfasst_am"] = "(f.fachliches_datum::timestamp AT TIME ZONE 'UTC')",
        ["notiz"] = "NULL",
        ["parameter"] = "coalesce((SELECT jsonb_object_agg(p.key, p.value) FROM jsonb_each(f.parameter) p WHERE p.key IN ('abschlussgrund', 'abbruchgrund')), '{}'::jsonb)",
    };

    /// <summary>The SQL a rule expects of column <paramref name="spalte"/> of <paramref name="tabelle"/>, over the row before (alias f, client k).</summary>
    public string ErwartetSql(string tabelle, KatalogSpalte spalte) => spalte.Loeschung switch
    {
        Loeschung.Behalten or Loeschung.NeueKennung => $"f.{spalte.Name}",
        _ when tabelle == "fall_ereignisse" => EreignisRegeln[spalte.Name],
        _ => spalte.Anonym!.Replace("@heute", $"'{Heute:yyyy-MM-dd}'::date", StringComparison.Ordinal),
    };

    private async Task<Dictionary<string, List<string?>>> RegelnVorherAsync()
    {
        var ergebnis = new Dictionary<string, List<string?>>();
        foreach (var (tabelle, fallSpalte) in BehalteneTabellen)
        {
            var quelle = tabelle == "faelle" ? "faelle f JOIN klienten k ON k.id = f.klient_id" : $"{tabelle} f";
            foreach (var s in Datenkatalog.Tabelle(tabelle).Spalten)
            {
                ergebnis[$"{tabelle}.{s.Name}"] = await SpalteAsync($"SELECT ({ErwartetSql(tabelle, s)})::text FROM {quelle} WHERE f.{fallSpalte} = ANY(@g)");
            }
        }

        return ergebnis;
    }

    private async Task<Dictionary<string, List<string?>>> RegelnNachherAsync()
    {
        var ergebnis = new Dictionary<string, List<string?>>();
        foreach (var (tabelle, fallSpalte) in BehalteneTabellen)
        {
            foreach (var s in Datenkatalog.Tabelle(tabelle).Spalten)
            {
                ergebnis[$"{tabelle}.{s.Name}"] = await SpalteAsync($"SELECT f.{s.Name}::text FROM {tabelle} f WHERE f.{fallSpalte} = ANY(@a)");
            }
        }

        return ergebnis;
    }

    private async Task<Dictionary<string, long>> KinderAsync()
    {
        var ergebnis = new Dictionary<string, long>();
        foreach (var t in KindTabellen.Concat(["benachrichtigungen", "idempotenz", "ueberleitungen", "fall_ereignisse", "themen"]))
        {
            ergebnis[t] = long.Parse((await SpalteAsync($"SELECT count(*)::text FROM {t} WHERE fall_id = ANY(@g)")).Single()!, CultureInfo.InvariantCulture);
        }

        ergebnis["termin_meldungen"] = long.Parse((await SpalteAsync(
            "SELECT count(*)::text FROM termin_meldungen WHERE schluessel LIKE 'wv:%|fm.x'")).Single()!, CultureInfo.InvariantCulture);
        ergebnis["klienten"] = long.Parse((await SpalteAsync("SELECT count(*)::text FROM klienten k WHERE k.id::text = ANY(@kl)")).Single()!, CultureInfo.InvariantCulture);
        return ergebnis;
    }

    private Task<string> GehaltenAsync() => TextAsync($"""
        SELECT string_agg(z, E'\n' ORDER BY z) FROM (
          SELECT f::text AS z FROM faelle f WHERE f.id = ANY(@h)
          UNION ALL SELECT k::text FROM klienten k WHERE k.id IN (SELECT klient_id FROM faelle WHERE id = ANY(@h))
          UNION ALL SELECT e::text FROM fall_ereignisse e WHERE e.fall_id = ANY(@h)
          {string.Join("\n", KindTabellen.Append("ueberleitungen").Select(t => $"UNION ALL SELECT x::text FROM {t} x WHERE x.fall_id = ANY(@h)"))}) a
        """);

    private async Task<Dictionary<string, long>> ZeilenAsync()
    {
        var tabellen = await SpalteAsync("SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1");
        var ergebnis = new Dictionary<string, long>();
        foreach (var t in tabellen)
        {
            ergebnis[t!] = long.Parse((await SpalteAsync($"SELECT count(*)::text FROM {t}")).Single()!, CultureInfo.InvariantCulture);
        }

        return ergebnis;
    }

    /// <summary>Every analysis with a set of filters, every CSV table, and the XES log reduced to its sorted traces (its ids are random per export).</summary>
    private async Task<Dictionary<string, string>> AnalysenAsync(HttpClient client)
    {
        var team = (await SpalteAsync("SELECT team_id::text FROM faelle WHERE team_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")).Single();
        var status = (await SpalteAsync("""
            SELECT nach_zustand FROM fall_ereignisse WHERE spur = 'Aufenthalt' AND von_zustand IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1
            """)).Single();
        string[] filter =
        [
            "", "altersgruppe=Juengere", "altersgruppe=JungeErwachsene", "altersgruppe=Aeltere", "zieldimensionI=true",
            "zieldimensionI=false", "von=2018-01-01&bis=2022-06-30", $"teamId={team}", $"aufenthaltsstatus={status}",
        ];
        var pfade = new List<string>();
        foreach (var f in filter)
        {
            var q = f.Length == 0 ? string.Empty : "&" + f;
            pfade.Add($"/api/analysen/prozesslandkarte?x=1{q}");
            pfade.AddRange(new[] { "Prozess", "Aufenthalt", "Leistungen", "Bildung" }.Select(s => $"/api/analysen/varianten?spur={s}{q}"));
            pfade.Add($"/api/analysen/prozesslandkarte?spur=Aufenthalt{q}");
            pfade.Add($"/api/analysen/dauern?x=1{q}");
            pfade.Add($"/api/analysen/abweichungen?x=1{q}");
            pfade.Add($"/api/analysen/kennzahlen?x=1{q}");
            pfade.Add($"/api/analysen/themen?x=1{q}");
        }

        pfade.AddRange(new[]
        {
            "prozesslandkarte-knoten", "prozesslandkarte-kanten", "varianten", "dauern", "dauern-kurven", "konformitaet",
            "abweichungen", "engpaesse", "kennzahlen", "beendigungsgruende", "themen",
        }.Select(t => $"/api/analysen/csv/{t}?spur=Prozess"));
        var ergebnis = new Dictionary<string, string>();
        foreach (var pfad in pfade)
        {
            using var antwort = await client.GetAsync(new Uri(pfad, UriKind.Relative));
            var text = await antwort.Content.ReadAsStringAsync();
            ((int)antwort.StatusCode).ShouldBe(200, $"{pfad}: {text}");
            ergebnis[pfad] = text;
        }

        foreach (var pfad in new[] { "/api/analysen/xes", "/api/analysen/xes?spur=Bildung" })
        {
            using var antwort = await client.GetAsync(new Uri(pfad, UriKind.Relative));
            ((int)antwort.StatusCode).ShouldBe(200, pfad);
            var xes = XDocument.Parse(await antwort.Content.ReadAsStringAsync());
            var spuren = xes.Root!.Elements().Where(e => e.Name.LocalName == "trace")
                .Select(t => string.Join(" | ", t.Elements().Where(e => e.Name.LocalName == "event")
                    .Select(e => string.Join(",", e.Elements().Select(a => $"{a.Attribute("key")?.Value}={a.Attribute("value")?.Value}")))))
                .Order(StringComparer.Ordinal);
            var kopf = xes.Root!.Elements().Where(e => e.Name.LocalName != "trace").Select(e => e.ToString());
            ergebnis[pfad] = string.Join("\n", kopf.Concat(spuren));
        }

        return ergebnis;
    }

    private async Task AusfuehrenAsync(string sql)
    {
        await using var verbindung = new NpgsqlConnection(Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await befehl.ExecuteNonQueryAsync();
    }

    private async Task<string> TextAsync(string sql) => (await SpalteAsync(sql)).SingleOrDefault() ?? string.Empty;

    /// <summary>One column of a query as text; parameters @g (erased Fälle), @a (anonymised rows), @h (held Fälle), @k (erased clients' ids as text).</summary>
    public async Task<List<string?>> SpalteAsync(string sql)
    {
        await using var verbindung = new NpgsqlConnection(Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        befehl.Parameters.AddWithValue("g", Geloescht);
        befehl.Parameters.AddWithValue("a", Anonymisiert);
        befehl.Parameters.AddWithValue("h", Gesperrt);
        befehl.Parameters.AddWithValue("k", Kennungen);
        befehl.Parameters.AddWithValue("kl", KlientenAllein);
        await using var leser = await befehl.ExecuteReaderAsync();
        var liste = new List<string?>();
        while (await leser.ReadAsync())
        {
            liste.Add(leser.IsDBNull(0) ? null : leser.GetValue(0).ToString());
        }

        return liste;
    }
}
