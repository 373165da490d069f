using System.Globalization;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// One app and database for the Art. 15 copy and the Art. 30 record. The Kommune's configuration names its controller
/// and sets the case-file period to 4 years from 2020 (a rule override). Built through the API:
/// <list type="bullet">
/// <item>client A ("Zainab Auskunftsperson", corrected to "Zaynab") with one Fall: consents (case management, Jobcenter,
/// Ausländerbehörde; the latter withdrawn), steps on three tracks up to recognition (a follow-up event and the hand-over
/// of the Kompetenzprofil to the Jobcenter), a goal, a follow-up, a note, a referral to the Jobcenter, a deputy, a Thema;
/// read by the Jobcenter, the Ausländerbehörde (before the withdrawal) and the team lead;</item>
/// <item>a member of A's household (B) and a client of another team (C), whose names and ids must appear nowhere in A's copy.</item>
/// </list>
/// </summary>
public sealed class AuskunftFixture : IAsyncLifetime
{
    public const string Verantwortlicher = "Kreis Teststadt – Der Landrat";

    private readonly List<HttpClient> _clients = [];
    private TestDatabase? _database;
    private KimWebFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Nicht initialisiert.");

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Nicht initialisiert.");

    public string Db => Database.SuperuserConnectionString;

    public TestKonto Fm { get; private set; } = null!;

    public TestKonto FmVertretung { get; private set; } = null!;

    public TestKonto FmAnderesTeam { get; private set; } = null!;

    public TestKonto Tl { get; private set; } = null!;

    public TestKonto Jc { get; private set; } = null!;

    public TestKonto Abh { get; private set; } = null!;

    public TestKonto Ds { get; private set; } = null!;

    public HttpClient FmClient { get; private set; } = null!;

    public HttpClient TlClient { get; private set; } = null!;

    public HttpClient JcClient { get; private set; } = null!;

    public HttpClient DsClient { get; private set; } = null!;

    public Guid HaushaltId { get; } = Guid.NewGuid();

    /// <summary>Client A's Fall and client id.</summary>
    public Guid FallA { get; private set; }

    public Guid KlientA { get; private set; }

    public Guid FallB { get; private set; }

    public Guid KlientB { get; private set; }

    public Guid FallC { get; private set; }

    public Guid KlientC { get; private set; }

    /// <summary>Every account the fixture created (their ids and names must never appear in a copy without names).</summary>
    public IReadOnlyList<TestKonto> Konten => [Fm, FmVertretung, FmAnderesTeam, Tl, Jc, Abh, Ds];

    /// <summary>Settings of the app: test database, the controller's name, the case-file period overridden to 4 years.</summary>
    public Dictionary<string, string?> Einstellungen(bool mitNamen = false)
    {
        var e = KimWebFactory.FuerDatenbank(Database.AppConnectionString, Database.OwnerConnectionString);
        e["Datenschutz:Verantwortlicher:Name"] = Verantwortlicher;
        e["Datenschutz:Verantwortlicher:Anschrift"] = "Kreishaus, Am Markt 1, 40000 Teststadt";
        e["Datenschutz:AuskunftNenntBeschaeftigte"] = mitNamen ? "true" : "false";
        e["Rechtsregeln:0:Schluessel"] = "Aufbewahrung.FallakteNachAbschluss";
        e["Rechtsregeln:0:GueltigAb"] = "2020-01-01";
        e["Rechtsregeln:0:Wert"] = "P4Y";
        e["Rechtsregeln:0:Quelle"] = "Kreistagsbeschluss (Test)";
        return e;
    }

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("auskunft");
        _factory = new KimWebFactory(Einstellungen());
        _factory.StartServer();
        Fm = await _factory.KontoAsync("fm.auskunft", Rolle.Fallmanagement, "Team Nord");
        FmVertretung = await _factory.KontoAsync("fm.vertretung", Rolle.Fallmanagement, "Team Nord");
        FmAnderesTeam = await _factory.KontoAsync("fm.sued", Rolle.Fallmanagement, "Team Süd");
        Tl = await _factory.KontoAsync("tl.nord", Rolle.Teamleitung, "Team Nord");
        Jc = await _factory.KontoAsync("jc.auskunft", Rolle.Partner, behoerde: Behoerde.Jobcenter);
        Abh = await _factory.KontoAsync("abh.auskunft", Rolle.Partner, behoerde: Behoerde.Auslaenderbehoerde);
        Ds = await _factory.KontoAsync("ds.auskunft", Rolle.Datenschutz);
        FmClient = Merken(await _factory.AngemeldetAsync(Fm));
        TlClient = Merken(await _factory.AngemeldetAsync(Tl));
        JcClient = Merken(await _factory.AngemeldetAsync(Jc));
        DsClient = Merken(await _factory.AngemeldetAsync(Ds));
        var abhClient = Merken(await _factory.AngemeldetAsync(Abh));
        var fmSued = Merken(await _factory.AngemeldetAsync(FmAnderesTeam));

        FallA = await FmClient.NeuerFallAsync(Aufnahme("Zainab", "Auskunftsperson", HaushaltId, mitPartnern: true));
        KlientA = await KlientVonAsync(FallA);
        FallB = await FmClient.NeuerFallAsync(Aufnahme("Hamza", "Mitbewohner", HaushaltId, mitPartnern: false));
        KlientB = await KlientVonAsync(FallB);
        FallC = await fmSued.NeuerFallAsync(Aufnahme("Olga", "Fremdperson", null, mitPartnern: true));
        KlientC = await KlientVonAsync(FallC);

        var a = $"/api/faelle/{FallA}";
        await FmClient.SchrittAsync(FallA, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        await FmClient.SchrittAsync(FallA, "Prozess", "AssessmentBeginnen", "2026-11-03").OkAsync();
        await FmClient.SchrittAsync(FallA, "Aufenthalt", "AsylSuchen", "2026-11-03").OkAsync();
        await FmClient.SchrittAsync(FallA, "Aufenthalt", "AnkunftsnachweisAusstellen", "2026-11-04").OkAsync();
        await FmClient.SchrittAsync(FallA, "Aufenthalt", "AsylantragStellen", "2026-11-05").OkAsync();
        await FmClient.SchrittAsync(FallA, "Leistungen", "AsylbLGBewilligen", "2026-11-05").OkAsync();
        await FmClient.PutAsJsonAsync(a + "/kompetenzprofil", new
        {
            profil = new { deutschniveau = "A2", alphabetisierungNoetig = false, schuljahre = 11, sprachen = new[] { "Arabisch", "Englisch" } },
            am = "2026-11-06",
        }).OkAsync();
        await FmClient.SchrittAsync(FallA, "Aufenthalt", "Anerkennen", "2026-11-10", new { schutzform = "Fluechtlingseigenschaft" }).OkAsync();
        await FmClient.PostAsJsonAsync(a + "/ziele", new { was = "Deutschkurs B1 abschließen", bisWann = "2027-06-30", wer = "Klientin", messgroesse = "Zertifikat B1", vereinbartAm = "2026-11-11" }).OkAsync();
        await FmClient.PostAsJsonAsync(a + "/wiedervorlagen", new { faellig = "2026-12-20", betreff = "Zeugnisse zur Anerkennung nachfragen" }).OkAsync();
        await FmClient.PostAsJsonAsync(a + "/notizen", new { text = "Erstgespräch mit Dolmetscherin geführt; Klientin wünscht Sprachkurs am Vormittag.", kontaktAm = "2026-11-11" }).OkAsync();
        (await FmClient.PostAsJsonAsync(a + "/ueberleitungen", new { empfaenger = "Jobcenter", anliegen = "Bitte Termin zur Potenzialanalyse anbieten.", fachlichesDatum = "2026-11-12" })).EnsureSuccessStatusCode();
        await FmClient.PostAsJsonAsync(a + "/vertretungen", new { benutzerId = FmVertretung.Id, von = "2027-01-04", bis = "2027-01-15" }).OkAsync();
        await FmClient.PostAsJsonAsync(a + "/themen", new { kategorie = "WartezeitIntegrationskurs", beschreibung = "Keine Kursplätze mit Kinderbetreuung im Stadtteil." }).OkAsync();
        await FmClient.PutAsJsonAsync(a + "/klient", new
        {
            vorname = "Zaynab",
            nachname = "Auskunftsperson",
            geburtsdatum = "1995-03-02",
            geschlecht = "Weiblich",
            herkunftsland = "Syrien",
            einreisedatum = "2024-01-10",
            minderjaehrigeKinder = 1,
        }).OkAsync();

        // Reads by other roles: the Jobcenter, the Ausländerbehörde (then its consent is withdrawn), the team lead.
        await JcClient.FallAsync(FallA);
        await abhClient.FallAsync(FallA);
        await TlClient.FallAsync(FallA);
        await TlClient.GetAsync(a + "/notizen").OkAsync();
        var abhEinwilligung = (await FmClient.FallAsync(FallA))["einwilligungen"]!.AsArray().Single(e => e!["empfaenger"]!.GetValue<string>() == "Auslaenderbehoerde")!["id"]!.GetValue<Guid>();
        await FmClient.PostAsJsonAsync($"{a}/einwilligungen/{abhEinwilligung}/widerruf", new { }).OkAsync();

        // B and C are read too, so that their audit rows exist (and must stay out of A's copy).
        await FmClient.FallAsync(FallB);
        await JcClient.FallAsync(FallC);

        await AuditAbwartenAsync($"fall_id = '{FallA}' AND benutzer_id = '{Jc.Id}' AND aktion = 'Fall.Lesen'");
        await AuditAbwartenAsync($"fall_id = '{FallA}' AND benutzer_id = '{Abh.Id}' AND aktion = 'Fall.Lesen'");
        await AuditAbwartenAsync($"fall_id = '{FallA}' AND benutzer_id = '{Tl.Id}' AND aktion = 'Fall.NotizenLesen'");
        await AuditAbwartenAsync($"fall_id = '{FallC}' AND benutzer_id = '{Jc.Id}' AND aktion = 'Fall.Lesen'");
    }

    /// <summary>Waits (at most 10 s) until the background writer stored at least <paramref name="mindestens"/> audit rows matching <paramref name="bedingung"/>.</summary>
    public async Task AuditAbwartenAsync(string bedingung, int mindestens = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await AuditAnzahlAsync(bedingung) >= mindestens)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Weniger als {mindestens} Audit-Zeilen mit {bedingung}.");
    }

    public async Task<int> AuditAnzahlAsync(string bedingung) =>
        int.Parse((await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM audit_protokoll WHERE {bedingung}"))!, CultureInfo.InvariantCulture);

    public async Task<Guid> KlientVonAsync(Guid fallId) =>
        Guid.Parse((await SqlHilfen.TextAsync(Db, $"SELECT klient_id FROM faelle WHERE id = '{fallId}'"))!, CultureInfo.InvariantCulture);

    public HttpClient Merken(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static object Aufnahme(string vorname, string nachname, Guid? haushaltId, bool mitPartnern)
    {
        var einwilligungen = new List<object>
        {
            new { empfaenger = "CaseManagement", datenkategorien = new[] { "Stammdaten", "Aufenthalt", "Leistungen", "Bildung", "Kompetenzprofil" }, zweck = "Rechtskreisübergreifendes Case Management KIM", gueltigAb = "2026-11-01", formularReferenz = "EW-2026-" + nachname },
        };
        if (mitPartnern)
        {
            einwilligungen.Add(new { empfaenger = "Jobcenter", datenkategorien = new[] { "Stammdaten", "Leistungen", "Kompetenzprofil" }, zweck = "Abstimmung der Eingliederung mit dem Jobcenter", gueltigAb = "2026-11-01", formularReferenz = "EW-JC-" + nachname });
            einwilligungen.Add(new { empfaenger = "Auslaenderbehoerde", datenkategorien = new[] { "Stammdaten", "Aufenthalt" }, zweck = "Abstimmung aufenthaltsrechtlicher Schritte", gueltigAb = "2026-11-01", gueltigBis = "2027-10-31", formularReferenz = "EW-ABH-" + nachname });
        }

        return new
        {
            klient = new { vorname, nachname, geburtsdatum = "1995-03-02", geschlecht = "Weiblich", herkunftsland = "Syrien", einreisedatum = "2024-01-10", haushaltId, minderjaehrigeKinder = 1 },
            aufnahmedatum = "2026-11-01",
            aufenthaltsstatus = "KeinStatus",
            leistungsstatus = "KeinLeistungsbezug",
            bildungsstand = "KeineBeratung",
            einwilligungen,
            art13InformiertAm = "2026-11-01",
        };
    }
}

/// <summary>The Art. 15 and Art. 30 tests share one app and one scenario.</summary>
[CollectionDefinition(Name)]
public sealed class AuskunftSammlung : ICollectionFixture<AuskunftFixture>
{
    public const string Name = "Auskunft";
}
