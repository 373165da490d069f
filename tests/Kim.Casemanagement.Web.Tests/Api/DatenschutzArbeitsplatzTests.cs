using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>One database and app for the Datenschutz workplace's tests, with a signed-in data-protection officer.</summary>
public sealed class DatenschutzFixture : ApiFixture
{
    public TestKonto Datenschutz { get; private set; } = null!;

    /// <summary>The data-protection officer (bearer token: reaches the API and, like a browser, the pages).</summary>
    public HttpClient Ds { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Datenschutz = await Factory.KontoAsync("ds.pruefung", Rolle.Datenschutz);
        Ds = await Factory.AngemeldetAsync(Datenschutz);
    }

    public override async Task DisposeAsync()
    {
        Ds?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The data-protection officer's workplace over HTTP: the consent register's filters, the audit log's filters and
/// verification, the retention overview's counts, the same validation on the pages (German message at the field) and in
/// the API (400 ProblemDetails per field), and the audit rows that viewing the register and the log writes.
/// </summary>
public sealed class DatenschutzArbeitsplatzTests(DatenschutzFixture fx) : IClassFixture<DatenschutzFixture>
{
    private static readonly DateOnly Heute = Browser.BrowserFixture.BenachrichtigungsHeute();

    private string Db => fx.Database.SuperuserConnectionString;

    private static string Tag(int tage) => Heute.AddDays(tage).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Einwilligung(string empfaenger, string[] kategorien, int abTagen, int? bisTagen = null, string formular = "EW-REG") =>
        new { empfaenger, datenkategorien = kategorien, zweck = "Abstimmung im Case Management", gueltigAb = Tag(abTagen), gueltigBis = bisTagen is { } b ? Tag(b) : null, formularReferenz = formular };

    private async Task<(Guid Id, string Aktenzeichen)> FallMitEinwilligungenAsync(string nachname, params object[] einwilligungen)
    {
        var id = await fx.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: nachname, aufnahmedatum: Tag(-20), art13: Tag(-20), einwilligungen: einwilligungen));
        var aktenzeichen = (await fx.Client.FallAsync(id))["aktenzeichen"]!.GetValue<string>();
        return (id, aktenzeichen);
    }

    private async Task<JsonNode> RegisterAsync(string abfrage) => await fx.Ds.GetAsync("/api/datenschutz/einwilligungen?" + abfrage).OkAsync();

    private static string[] Empfaenger(JsonNode seite) =>
        seite["eintraege"]!.AsArray().Select(e => e!["empfaenger"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Audit rows of reads are written by a background writer after the request: waits until the count is reached.</summary>
    private async Task<string?> AuditAsync(string bedingung, int mindestens = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var zeilen = await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM audit_protokoll WHERE {bedingung}");
            if (int.Parse(zeilen!, CultureInfo.InvariantCulture) >= mindestens)
            {
                return await SqlHilfen.TextAsync(Db, $"SELECT detail || '|' || coalesce(fall_id::text, '-') || '|' || ergebnis FROM audit_protokoll WHERE {bedingung} ORDER BY id DESC LIMIT 1");
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"Keine Protokollzeile: {bedingung}");
    }

    // ------------------------------------------------------------------ consent register

    [Fact]
    public async Task Einwilligungsregister_WhenFilteredByStateRecipientCategoryPeriodAndFileNumber_ReturnsExactlyTheMatchingConsents()
    {
        var (_, aktenzeichenA) = await FallMitEinwilligungenAsync(
            "Registerprobe",
            Einwilligung("CaseManagement", ["Stammdaten", "Aufenthalt"], -10),
            Einwilligung("Jobcenter", ["Leistungen"], -10, 10),
            Einwilligung("Auslaenderbehoerde", ["Aufenthalt", "Gesundheit"], -400, -100),
            Einwilligung("Bildungsberatung", ["Bildung"], 5));
        var (b, _) = await FallMitEinwilligungenAsync(
            "Widerrufsprobe",
            Einwilligung("CaseManagement", ["Stammdaten"], -10),
            Einwilligung("Jobcenter", ["Leistungen"], -10));
        var jobcenterB = (await fx.Client.FallAsync(b))["einwilligungen"]!.AsArray().First(e => e!["empfaenger"]!.GetValue<string>() == "Jobcenter")!["id"]!.GetValue<Guid>();
        await fx.Client.PostAsJsonAsync($"/api/faelle/{b}/einwilligungen/{jobcenterB}/widerruf", new { }).OkAsync();

        var alle = await RegisterAsync($"aktenzeichen={aktenzeichenA}");
        alle["gesamt"]!.GetValue<int>().ShouldBe(4);
        alle["eintraege"]![0]!["aktenzeichen"]!.GetValue<string>().ShouldBe(aktenzeichenA);

        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&status=gueltig")).ShouldBe(["CaseManagement", "Jobcenter"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&status=ablaufend&tage=30")).ShouldBe(["Jobcenter"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&status=ablaufend&tage=5")).ShouldBeEmpty();
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&status=abgelaufen")).ShouldBe(["Auslaenderbehoerde"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&status=kuenftig")).ShouldBe(["Bildungsberatung"]);
        Empfaenger(await RegisterAsync($"fallId={b}&status=widerrufen")).ShouldBe(["Jobcenter"]);
        Empfaenger(await RegisterAsync($"fallId={b}&status=gueltig")).ShouldBe(["CaseManagement"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&kategorie=Gesundheit")).ShouldBe(["Auslaenderbehoerde"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&kategorie=Aufenthalt")).ShouldBe(["Auslaenderbehoerde", "CaseManagement"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&empfaenger=Jobcenter")).ShouldBe(["Jobcenter"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&von={Tag(-200)}&bis={Tag(-150)}")).ShouldBe(["Auslaenderbehoerde"]);
        Empfaenger(await RegisterAsync($"aktenzeichen={aktenzeichenA}&von={Tag(1)}")).ShouldBe(["Bildungsberatung", "CaseManagement", "Jobcenter"]);

        // The beginning of a file number lists every Fall starting with it; the recipient's consents of B stay out of A's.
        (await RegisterAsync($"aktenzeichen={aktenzeichenA[..9]}&empfaenger=Jobcenter"))["gesamt"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("status=aktiv", "status", "Unbekannter Status")]
    [InlineData("status=ablaufend&tage=0", "tage", "zwischen 1 und 366")]
    [InlineData("empfaenger=Polizei", "empfaenger", "Unbekannter Empfänger")]
    [InlineData("kategorie=Alles", "kategorie", "Unbekannte Datenkategorie")]
    [InlineData("kategorie=Keine", "kategorie", "Unbekannte Datenkategorie")]
    [InlineData("von=2026-02-01&bis=2026-01-01", "bis", "darf nicht vor")]
    [InlineData("aktenzeichen=KIM%25", "aktenzeichen", "Buchstaben, Ziffern und Bindestrichen")]
    [InlineData("seite=0", "seite", "zwischen 1 und 100000")]
    [InlineData("groesse=501", "groesse", "zwischen 1 und 500")]
    public async Task Einwilligungsregister_WhenAFilterIsInvalid_Answers400WithTheGermanMessageAtTheField(string abfrage, string feld, string text)
    {
        var problem = await fx.Ds.GetAsync("/api/datenschutz/einwilligungen?" + abfrage).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe([feld]);
        problem.Fehler(feld).ShouldHaveSingleItem().ShouldContain(text);
    }

    [Fact]
    public async Task Einwilligungsregister_WhenADateIsNoDate_Answers400InGerman()
    {
        var problem = await fx.Ds.GetAsync("/api/datenschutz/einwilligungen?von=gestern").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
    }

    // ------------------------------------------------------------------ audit log

    [Fact]
    public async Task Auditprotokoll_WhenFilteredByFileNumberAndActionArea_ReturnsOnlyThatFallsRowsWithTheFileNumber()
    {
        var (id, aktenzeichen) = await FallMitEinwilligungenAsync("Protokollprobe", Einwilligung("CaseManagement", ["Stammdaten"], -10));
        (await fx.Client.GetAsync($"/api/faelle/{id}")).EnsureSuccessStatusCode();
        await AuditAsync($"fall_id = '{id}' AND aktion = 'Fall.Lesen'");

        var seite = await fx.Ds.GetAsync($"/api/datenschutz/audit?aktenzeichen={aktenzeichen.ToLowerInvariant()}&aktion=Fall.").OkAsync();

        var zeilen = seite["eintraege"]!.AsArray();
        zeilen.Count.ShouldBeGreaterThanOrEqualTo(2, seite.ToJsonString());
        zeilen.ShouldAllBe(z => z!["fallId"]!.GetValue<Guid>() == id && z["aktenzeichen"]!.GetValue<string>() == aktenzeichen && z["aktion"]!.GetValue<string>().StartsWith("Fall.", StringComparison.Ordinal));
        zeilen.Select(z => z!["aktion"]!.GetValue<string>()).ShouldContain("Fall.Lesen");
        zeilen.Select(z => z!["aktion"]!.GetValue<string>()).ShouldContain("Fall.Aufnahme");

        var genau = await fx.Ds.GetAsync($"/api/datenschutz/audit?fallId={id}&aktion=Fall.Lesen&benutzerId={fx.Fallmanagerin.Id}").OkAsync();
        genau["eintraege"]!.AsArray().ShouldAllBe(z => z!["aktion"]!.GetValue<string>() == "Fall.Lesen" && z["benutzerId"]!.GetValue<string>() == fx.Fallmanagerin.Id);
        genau["eintraege"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(1);

        var leer = await fx.Ds.GetAsync($"/api/datenschutz/audit?fallId={id}&von={DateTimeOffset.UtcNow.AddDays(1):O}".Replace("+", "%2B", StringComparison.Ordinal)).OkAsync();
        leer["eintraege"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("aktion=Fall%25", "aktion", "durch Punkte")]
    [InlineData("von=2026-02-01T00:00:00Z&bis=2026-01-01T00:00:00Z", "bis", "darf nicht vor")]
    [InlineData("seite=0", "seite", "zwischen 1 und 100000")]
    [InlineData("groesse=501", "groesse", "zwischen 1 und 500")]
    [InlineData("aktenzeichen=KIM-2026-000001&fallId=6f1c2a52-8f0e-4a39-9a4e-7d1a3c1e2b40", "aktenzeichen", "nicht mit beidem")]
    [InlineData("aktenzeichen=KIM-1999-999999", "aktenzeichen", "Es gibt keinen Fall mit dem Aktenzeichen KIM-1999-999999")]
    public async Task Auditprotokoll_WhenAFilterIsInvalid_Answers400WithTheGermanMessageAtTheField(string abfrage, string feld, string text)
    {
        var problem = await fx.Ds.GetAsync("/api/datenschutz/audit?" + abfrage).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe([feld]);
        problem.Fehler(feld).ShouldHaveSingleItem().ShouldContain(text);
    }

    [Fact]
    public async Task AuditPruefung_WhenRun_IsAuditedWithItsResultAndShownAsTheLatestVerificationOnTheStartPage()
    {
        var ergebnis = await fx.Ds.GetAsync("/api/datenschutz/audit/pruefung").OkAsync();

        ergebnis["ok"]!.GetValue<bool>().ShouldBeTrue(ergebnis.ToJsonString());
        var zeile = await AuditAsync($"aktion = 'Datenschutz.AuditPruefung' AND benutzer_id = '{fx.Datenschutz.Id}'");
        zeile!.ShouldStartWith("intakt: ");
        zeile.ShouldEndWith("|-|200");

        var start = await fx.Ds.GetStringAsync("/Datenschutz");
        start.ShouldContain("Hash-Kette bei der letzten Prüfung am");
        start.ShouldContain("✓ </span>intakt");
    }

    // ------------------------------------------------------------------ retention overview

    [Fact]
    public async Task Aufbewahrung_WhenFaelleAreClosedPastThePeriodOrHeld_CountsDueAndHeldByTheRuleValidToday()
    {
        var beendet = Spurregister.Prozess.BeendeteZustaende[0];
        async Task<Guid> FallAsync(string name, DateOnly? beendetAm)
        {
            var id = await fx.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: name, aufnahmedatum: Tag(-20), art13: Tag(-20)));
            if (beendetAm is { } tag)
            {
                await SqlHilfen.TextAsync(Db, $"UPDATE faelle SET prozess_zustand = '{beendet}', prozess_seit = '{tag:yyyy-MM-dd}' WHERE id = '{id}'");
            }

            return id;
        }

        async Task SperrenAsync(Guid fallId, string? bis = null, bool aufgehoben = false) =>
            await SqlHilfen.TextAsync(Db, $"""
                INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von, aufgehoben_am, aufgehoben_von)
                SELECT gen_random_uuid(), id, mandant, 'Rechtsstreit anhängig', {(bis is null ? "NULL" : $"'{bis}'")}, now(), 'ds', {(aufgehoben ? "now(), 'ds'" : "NULL, NULL")}
                FROM faelle WHERE id = '{fallId}'
                """);

        var vorher = await fx.Ds.GetAsync("/api/datenschutz/aufbewahrung").OkAsync();
        var faelligVorher = vorher["faelle"]!["faellig"]!.GetValue<int>();
        var gesperrtVorher = vorher["faelle"]!["gesperrt"]!.GetValue<int>();
        var faelligGesperrtVorher = vorher["faelle"]!["faelligAberGesperrt"]!.GetValue<int>();

        var abgelaufen = Heute.AddYears(-3);
        await FallAsync("Qadirova", abgelaufen.AddDays(-1));                          // due
        await FallAsync("Grenzova", abgelaufen);                                       // period ends today: not yet due
        await FallAsync("Jungova", Heute.AddDays(-30));                             // not due
        var gesperrt = await FallAsync("Sperrova", abgelaufen.AddDays(-10));            // due, but held
        await SperrenAsync(gesperrt);
        var aufgehoben = await FallAsync("Aufhebova", abgelaufen.AddDays(-10));        // due: its hold was lifted
        await SperrenAsync(aufgehoben, aufgehoben: true);
        var ausgelaufen = await FallAsync("Auslaufova", abgelaufen.AddDays(-10));      // due: its hold ended yesterday
        await SperrenAsync(ausgelaufen, bis: Tag(-1));
        var offen = await FallAsync("Offenova", null);                             // open Fall, held until later
        await SperrenAsync(offen, bis: Tag(30));

        var mandant = await SqlHilfen.TextAsync(Db, $"SELECT mandant FROM faelle WHERE id = '{offen}'");
        await SqlHilfen.TextAsync(Db, $"""
            INSERT INTO loeschlaeufe (id, mandant, probelauf, stichtag, gestartet_am, beendet_am, faellig, gesperrt, anonymisiert, klienten_geloescht, zeilen_geloescht)
            VALUES (gen_random_uuid(), '{mandant}', false, '{Tag(0)}', now() - interval '1 hour', now(), 4, 1, 3, 3, '{"{"}"notizen": 7, "klienten": 3{"}"}')
            """);

        var nachher = await fx.Ds.GetAsync("/api/datenschutz/aufbewahrung").OkAsync();

        var faelle = nachher["faelle"]!;
        (faelle["faellig"]!.GetValue<int>() - faelligVorher).ShouldBe(3, nachher.ToJsonString());
        (faelle["faelligAberGesperrt"]!.GetValue<int>() - faelligGesperrtVorher).ShouldBe(1);
        (faelle["gesperrt"]!.GetValue<int>() - gesperrtVorher).ShouldBe(2);

        var regel = nachher["regeln"]!.AsArray().Single(r => r!["schluessel"]!.GetValue<string>() == "Aufbewahrung.FallakteNachAbschluss")!;
        regel["wert"]!.GetValue<string>().ShouldBe("P3Y");
        regel["quelle"]!.GetValue<string>().ShouldContain("§ 84 Abs. 2 SGB X");
        regel["kuenftig"]!.GetValue<bool>().ShouldBeFalse();
        nachher["regeln"]!.AsArray().Select(r => r!["schluessel"]!.GetValue<string>()).ShouldContain("Aufbewahrung.Auditprotokoll");

        var lauf = nachher["loeschlaeufe"]!.AsArray().ShouldHaveSingleItem()!;
        lauf["anonymisiert"]!.GetValue<int>().ShouldBe(3);
        lauf["zeilenGeloescht"]!.AsArray().Select(z => $"{z!["tabelle"]}:{z["bezeichnung"]}:{z["anzahl"]}").ShouldBe(["klienten:Klient*innen:3", "notizen:Notizen:7"]);
        nachher["audit"]!["mindestfrist"]!["jahre"]!.GetValue<int>().ShouldBe(1);
        nachher["auditStichtag"].ShouldNotBeNull();

        // The page shows the same: counts and dates, no names.
        var seite = WebUtility.HtmlDecode(await fx.Ds.GetStringAsync("/Datenschutz/Aufbewahrung"));
        seite.ShouldContain("Fälle zur Löschung fällig (nicht gesperrt)");
        seite.ShouldContain("Notizen (<code>notizen</code>): 7");
        foreach (var name in new[] { "Qadirova", "Grenzova", "Jungova", "Sperrova", "Aufhebova", "Auslaufova", "Offenova" })
        {
            seite.ShouldNotContain(name);
        }
    }

    // ------------------------------------------------------------------ pages: validation and audit rows

    [Theory]
    [InlineData("/Datenschutz/Einwilligungen?Status=aktiv", "Status", "Unbekannter Status")]
    [InlineData("/Datenschutz/Einwilligungen?Status=ablaufend&Tage=400", "Tage", "zwischen 1 und 366")]
    [InlineData("/Datenschutz/Einwilligungen?Von=gestern", "Von", "Bitte geben Sie den Anfang des Zeitraums als Datum an")]
    [InlineData("/Datenschutz/Einwilligungen?Von=2026-02-01&Bis=2026-01-01", "Bis", "darf nicht vor")]
    [InlineData("/Datenschutz/Einwilligungen?Aktenzeichen=KIM%2F1", "Aktenzeichen", "Buchstaben, Ziffern und Bindestrichen")]
    [InlineData("/Datenschutz/Protokoll?Fall=KIM-1999-999999", "Fall", "Es gibt keinen Fall mit dem Aktenzeichen KIM-1999-999999")]
    [InlineData("/Datenschutz/Protokoll?Von=2026-02-01&Bis=2026-01-01", "Bis", "darf nicht vor")]
    [InlineData("/Datenschutz/Protokoll?Aktion=Fall%20Lesen", "Aktion", "durch Punkte")]
    public async Task Seiten_WhenAFilterIsInvalid_Answer400WithTheGermanMessageAtTheFieldAndInTheSummary(string pfad, string feld, string text)
    {
        using var antwort = await fx.Ds.GetAsync(pfad);
        var html = WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync());

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html.Length > 2000 ? html[^2000..] : html);
        html.ShouldContain("Bitte prüfen Sie Ihre Angaben");
        html.ShouldContain($"<a href=\"#{feld}\">");
        html.ShouldContain($"id=\"{feld}-fehler\"");
        html.ShouldContain(text);
        html.ShouldContain("aria-invalid=\"true\"");
        html.ShouldNotContain("is not valid");
        html.ShouldNotContain("<table");
    }

    [Theory]
    [InlineData("/Datenschutz/Protokoll?Seite=erste")]
    [InlineData("/Datenschutz/Einwilligungen?Seite=0")]
    public async Task Seiten_WhenThePageNumberOfALinkIsInvalid_Answer400WithTheMessageAboveTheForm(string pfad)
    {
        using var antwort = await fx.Ds.GetAsync(pfad);
        var html = WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync());

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("<li>Die Seite muss");
        html.ShouldNotContain("href=\"#Seite\"");
    }

    [Fact]
    public async Task Seiten_WhenTheRegisterAndTheLogAreViewed_WriteAuditRowsWithTheFilter()
    {
        var (id, aktenzeichen) = await FallMitEinwilligungenAsync("Einsichtsprobe", Einwilligung("CaseManagement", ["Stammdaten"], -10), Einwilligung("Jobcenter", ["Leistungen"], -10, 10));
        var ich = $"benutzer_id = '{fx.Datenschutz.Id}'";

        var register = await fx.Ds.GetStringAsync($"/Datenschutz/Einwilligungen?Status=ablaufend&Tage=30&Aktenzeichen={aktenzeichen}");
        register.ShouldContain(aktenzeichen);
        (await AuditAsync($"{ich} AND aktion = 'Datenschutz.Einwilligungsregister' AND detail LIKE 'status=ablaufend, tage=30, aktenzeichen={aktenzeichen}%'"))!.ShouldEndWith("|-|200");

        using var csv = await fx.Ds.GetAsync($"/Datenschutz/Einwilligungen?handler=Csv&Aktenzeichen={aktenzeichen}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Split('\n')[0].ShouldStartWith("Aktenzeichen;Empfänger;Datenkategorien;Zweck;");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        text.ShouldContain("Jobcenter");
        (await AuditAsync($"{ich} AND aktion = 'Datenschutz.Einwilligungsregister' AND detail LIKE 'CSV; aktenzeichen={aktenzeichen}%'"))!.ShouldEndWith("|-|200");

        var protokoll = WebUtility.HtmlDecode(await fx.Ds.GetStringAsync($"/Datenschutz/Protokoll?Fall={aktenzeichen}&Aktion=Fall."));
        protokoll.ShouldContain("Fall.Aufnahme");
        protokoll.ShouldContain(aktenzeichen);
        (await AuditAsync($"{ich} AND aktion = 'Datenschutz.Auditprotokoll' AND fall_id = '{id}'"))!.ShouldStartWith($"aktenzeichen={aktenzeichen}, aktion=Fall., seite=1|{id}|200");
    }
}
