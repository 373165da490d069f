using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Kim.Casemanagement.Web.Pages.Analysen;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// The Lenkungsgruppe's analyses over HTTP on Fälle taken in through the API: JSON, CSV and XES come back as aggregates
/// and pseudonyms only, never a Fall id or a name; a case manager of the same Fälle gets 403.
/// </summary>
public sealed class AnalysenApiTests(AnalysenApiFixture fx) : IClassFixture<AnalysenApiFixture>
{
    [Fact]
    public async Task Prozesslandkarte_ForTheLenkungsgruppe_IsAnAggregateWithoutIdsOrNames()
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/prozesslandkarte?spur=Prozess");
        var body = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("\"kanten\"");
        KeinePersonenbezug(body);
    }

    [Fact]
    public async Task Csv_ForTheLenkungsgruppe_IsASemicolonSeparatedTableWithByteOrderMark()
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/csv/prozesslandkarte-kanten?spur=Prozess");
        var bytes = await antwort.Content.ReadAsByteArrayAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        antwort.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Split('\n')[0].ShouldContain(";");
        KeinePersonenbezug(text);
    }

    [Fact]
    public async Task Xes_ForTheLenkungsgruppe_LeavesOutPathsOfFewerThanKFaelle_AndCountsThem()
    {
        // Across tracks the six Fälle took two paths, three with a Bildung step and three without: both below the minimum
        // group size 5, so no trace is written and the six are counted as left out.
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/xes");
        var text = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var log = XDocument.Parse(text).Root!;
        log.Name.LocalName.ShouldBe("log");
        log.Elements("trace").ShouldBeEmpty();
        Wert(log, "ausgelasseneFaelle").ShouldBe(AnalysenApiFixture.AnzahlFaelle.ToString(System.Globalization.CultureInfo.InvariantCulture));
        KeinePersonenbezug(text);
    }

    [Fact]
    public async Task Xes_OfATrack_HasOneTracePerFallUnderARandomIdNewForEachExport_AndNoDay()
    {
        // On the track Prozess all six took the same path: six identical traces, each under its own random id.
        var erste = await TracesAsync("/api/analysen/xes?spur=Prozess");
        var zweite = await TracesAsync("/api/analysen/xes?spur=Prozess");

        erste.Count.ShouldBe(AnalysenApiFixture.AnzahlFaelle);
        erste.Select(t => Wert(t, "concept:name")).ShouldBeUnique();
        erste.Select(t => Wert(t, "concept:name")).Intersect(zweite.Select(t => Wert(t, "concept:name"))).ShouldBeEmpty("trace ids are random per export");
        var datum = erste.Descendants("event").Select(e => Wert(e, "time:timestamp")).ToList();
        datum.ShouldAllBe(t => t.StartsWith("2000-", StringComparison.Ordinal) || t.StartsWith("1999-", StringComparison.Ordinal), "the fictitious time axis, not the steps' day 2026-11-02");
        erste.Select(t => t.ToString()).ShouldAllBe(t => !t.Contains("2026-11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_ForAnUnknownTable_Is400()
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/csv/klienten");

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Analysen_ForTheCaseManagerOfTheFaelle_AreForbidden()
    {
        using var antwort = await fx.Client.GetAsync("/api/analysen/kennzahlen");

        antwort.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string> Seiten => new(AnalysenSeiten.Alle.Select(s => s.Pfad));

    [Theory]
    [MemberData(nameof(Seiten))]
    public async Task Seite_ForTheLenkungsgruppe_IsOnePageOfTheNavigationWithoutAPerson(string pfad)
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync(pfad + "?spur=Prozess");
        var html = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var seite = AnalysenSeiten.Alle.Single(s => s.Pfad == pfad);
        html.ShouldContain(seite == AnalysenSeiten.Ueberblick ? "<h1>Typische Fallverläufe</h1>" : $"<h1>Typische Fallverläufe: {seite.Titel}</h1>");
        foreach (var andere in AnalysenSeiten.Alle)
        {
            // Every page links every other one, keeping the track (and the filter).
            var link = System.Text.RegularExpressions.Regex.Match(html, $"<a href=\"{System.Text.RegularExpressions.Regex.Escape(andere.Pfad)}\\?spur=Prozess\"( aria-current=\"page\")?");
            link.Success.ShouldBeTrue($"{pfad}: kein Link auf {andere.Pfad}");
            link.Groups[1].Success.ShouldBe(andere == seite, $"{pfad}: aria-current bei {andere.Pfad}");
        }

        KeinePersonenbezug(html);
    }

    [Fact]
    public async Task Seiten_EachShowItsQuestionAndTheMeetingReportShowsAllInOneDocument()
    {
        var ueberblick = await fx.Lenkungsgruppe.GetStringAsync("/Analysen");
        var karte = await fx.Lenkungsgruppe.GetStringAsync("/Analysen/Prozesslandkarte?spur=Prozess");
        var bericht = await fx.Lenkungsgruppe.GetStringAsync("/Analysen/Bericht?spur=Prozess");

        ueberblick.ShouldContain("Auf einen Blick");
        ueberblick.ShouldContain("Kennzahlen je Quartal");
        ueberblick.ShouldNotContain("data-prozesskarte");
        ueberblick.ShouldNotContain("Varianten (Spur");

        karte.ShouldContain("data-prozesskarte");
        karte.ShouldContain("<caption>Direkte Folgeschritte (Tabellenfassung der Prozesslandkarte)</caption>");
        karte.ShouldContain("<caption>Zustände (Tabellenfassung der Prozesslandkarte)</caption>");
        karte.ShouldNotContain("Kennzahlen je Quartal");

        foreach (var abschnitt in new[] { "Auf einen Blick", "data-prozesskarte", "Direkte Folgeschritte", "Varianten (Spur Prozess)", "Dauern zwischen Meilensteinen", "Abweichungen vom idealen Fallverlauf", "Kennzahlen je Quartal", "Generative Themen" })
        {
            bericht.ShouldContain(abschnitt);
        }
    }

    [Fact]
    public async Task Prozesslandkarte_TheDrawingsDataOnThePage_AreTheFiguresOfTheApi()
    {
        var html = await fx.Lenkungsgruppe.GetStringAsync("/Analysen/Prozesslandkarte?spur=Prozess");
        var json = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/json\" id=\"karte-daten\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        using var seite = System.Text.Json.JsonDocument.Parse(json);
        using var api = System.Text.Json.JsonDocument.Parse(await fx.Lenkungsgruppe.GetStringAsync("/api/analysen/prozesslandkarte?spur=Prozess"));

        string Knoten(System.Text.Json.JsonElement k) => $"{k.GetProperty("id")}:{k.GetProperty("anzahl")}:{k.GetProperty("faelle")}";
        string Kante(System.Text.Json.JsonElement k) => $"{k.GetProperty("von")}>{k.GetProperty("nach")}:{k.GetProperty("anzahl")}:{k.GetProperty("faelle")}:{k.GetProperty(k.TryGetProperty("median", out _) ? "median" : "medianTage")}";
        seite.RootElement.GetProperty("knoten").EnumerateArray().Select(Knoten).ShouldBe(api.RootElement.GetProperty("knoten").EnumerateArray().Select(Knoten));
        seite.RootElement.GetProperty("kanten").EnumerateArray().Select(Kante).ShouldBe(api.RootElement.GetProperty("kanten").EnumerateArray().Select(Kante));
        seite.RootElement.GetProperty("kanten").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("/Analysen/Bericht", null)]
    [InlineData("/Analysen/Bericht?spur=Bildung&von=2000-01-01", "Bildung")]
    public async Task Seite_EveryExportLink_AnswersWithTheFileOfTheShownSelection(string seite, string? spur)
    {
        var links = await ExportLinksAsync(seite);

        links.Count(l => l.StartsWith("/api/analysen/csv/", StringComparison.Ordinal)).ShouldBe(Kim.Casemanagement.Application.Analysen.AnalyseTabellen.Namen.Count);
        links.ShouldContain(l => l.StartsWith("/api/analysen/xes", StringComparison.Ordinal));
        await AlleAntwortenAsync(links);

        // The tables of a track's page are the track's (the page shows the map and the variants of the chosen track, or of
        // the whole process without one).
        links.Single(l => l.Contains("/csv/prozesslandkarte-kanten", StringComparison.Ordinal)).Contains($"spur={spur}", StringComparison.Ordinal).ShouldBe(spur is not null);
        links.Single(l => l.Contains("/csv/varianten", StringComparison.Ordinal)).ShouldContain($"spur={spur ?? "Prozess"}");
        if (spur is not null)
        {
            links.Single(l => l.Contains("/csv/varianten", StringComparison.Ordinal)).ShouldContain("von=2000-01-01");
        }
    }

    [Fact]
    public async Task Seiten_OfTheQuestions_TogetherLinkEveryTable_EachItsOwnAndEveryLinkAnswers()
    {
        var verlinkt = new List<string>();
        foreach (var seite in AnalysenSeiten.Alle.Where(s => s != AnalysenSeiten.Bericht))
        {
            var links = await ExportLinksAsync(seite.Pfad + "?von=2000-01-01");
            var tabellen = links.Where(l => l.StartsWith("/api/analysen/csv/", StringComparison.Ordinal)).Select(l => l["/api/analysen/csv/".Length..].Split('?')[0]).ToList();
            tabellen.ShouldBe(seite.Tabellen, seite.Pfad);
            links.Any(l => l.StartsWith("/api/analysen/xes", StringComparison.Ordinal)).ShouldBe(seite.MitXes, seite.Pfad);
            links.Where(l => l.Contains("/csv/", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains("von=2000-01-01"), seite.Pfad);
            await AlleAntwortenAsync(links);
            verlinkt.AddRange(tabellen);
        }

        verlinkt.ShouldBe(Kim.Casemanagement.Application.Analysen.AnalyseTabellen.Namen, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Seiten))]
    public async Task Seite_ForTheCaseManager_ShowsNoAnalysis(string pfad)
    {
        using var antwort = await fx.Client.GetAsync(pfad);
        var html = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        html.ShouldNotContain("Prozesslandkarte");
    }

    [Theory]
    [MemberData(nameof(Seiten))]
    public async Task Seite_WithAnInvalidFilter_ShowsTheGermanMessageInline(string pfad)
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync(pfad + "?altersgruppe=Uralt");
        var html = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("Unbekannter Wert.");
        html.ShouldNotContain("data-prozesskarte");
        html.ShouldNotContain("<svg role=\"img\"");
        html.ShouldNotContain("<table");
    }

    [Fact]
    public async Task Entscheidung_RecordedThroughTheApi_IsListed_AndItsComparisonWithholdsACohortBelowK()
    {
        // All six Fälle were taken in today: from a decision applying today, "after" has six, "before" none.
        var heute = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        using var neu = await fx.Lenkungsgruppe.PostAsJsonAsync("/api/analysen/entscheidungen", new
        {
            titel = "Sprechstunde der Ausländerbehörde im Integrationszentrum",
            behoerde = "Auslaenderbehoerde",
            giltAb = heute.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            themen = new[] { "Wohnsitzauflage", "SchnittstelleJobcenter" },
        });
        var body = await neu.Content.ReadAsStringAsync();

        neu.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        neu.Headers.Location!.ToString().ShouldBe($"/api/analysen/entscheidungen/{id}/vergleich");
        (await fx.Lenkungsgruppe.GetStringAsync("/api/analysen/entscheidungen")).ShouldContain(id.ToString());

        using var vergleich = await fx.Lenkungsgruppe.GetAsync($"/api/analysen/entscheidungen/{id}/vergleich");
        var json = await vergleich.Content.ReadAsStringAsync();
        vergleich.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        var v = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("vergleich");
        v.GetProperty("gesperrt").GetBoolean().ShouldBeTrue();
        v.GetProperty("hinweis").GetString()!.ShouldStartWith("vorher (Aufnahme ");
        v.GetProperty("hinweis").GetString()!.ShouldContain("weniger als 5 Fälle");
        v.GetProperty("dauern").GetArrayLength().ShouldBe(0);
        v.GetProperty("konformitaet").GetArrayLength().ShouldBe(0);
        v.GetProperty("variantenB").GetProperty("varianten").GetArrayLength().ShouldBe(0);
        KeinePersonenbezug(json);

        // Recorded in the audit log with who did it (the table itself holds no account).
        (await AuditAsync("Entscheidung.Erfassen")).ShouldContain(d => d.StartsWith(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vergleich_OfTwoArbitrarySelections_NamesThemInGerman_AndWithholdsASelectionBelowK()
    {
        // Six Fälle: neither "Zieldimension I" nor the rest reaches the minimum group size of 5 on both sides.
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/vergleich?a.zieldimensionI=true&b.zieldimensionI=false&b.von=2020-01-01");
        var json = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        var v = System.Text.Json.JsonDocument.Parse(json).RootElement;
        v.GetProperty("bezeichnungA").GetString().ShouldBe("A (Zieldimension I)");
        v.GetProperty("bezeichnungB").GetString().ShouldBe("B (Aufnahme ab 01.01.2020, nicht Zieldimension I)");
        v.GetProperty("gesperrt").GetBoolean().ShouldBeTrue();
        v.GetProperty("hinweis").GetString()!.ShouldContain("weniger als 5 Fälle");
        v.GetProperty("dauern").GetArrayLength().ShouldBe(0);
        v.GetProperty("konformitaet").GetArrayLength().ShouldBe(0);
        v.GetProperty("variantenA").GetProperty("varianten").GetArrayLength().ShouldBe(0);
        v.GetProperty("variantenB").GetProperty("varianten").GetArrayLength().ShouldBe(0);
        KeinePersonenbezug(json);
    }

    [Fact]
    public async Task Vergleich_WithEmptyFields_AsTheFormSendsThem_TreatsThemAsNotSet()
    {
        using var leer = await fx.Lenkungsgruppe.GetAsync("/api/analysen/vergleich?vergleichen=1&a.von=&a.bis=&a.aufenthaltsstatus=&a.altersgruppe=&a.zieldimensionI=true&b.von=&b.bis=&b.aufenthaltsstatus=&b.altersgruppe=&b.zieldimensionI=");
        var json = await leer.Content.ReadAsStringAsync();

        leer.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        var v = System.Text.Json.JsonDocument.Parse(json).RootElement;
        v.GetProperty("bezeichnungA").GetString().ShouldBe("A (Zieldimension I)");
        v.GetProperty("bezeichnungB").GetString().ShouldBe("B (alle Fälle)");
    }

    [Fact]
    public async Task Vergleich_WithInvalidSelections_Is400WithAGermanMessagePerPrefixedField()
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync("/api/analysen/vergleich?a.altersgruppe=Uralt&a.von=31.12.2023&a.zieldimensionI=vielleicht&b.von=2024-02-01&b.bis=2024-01-01&b.aufenthaltsstatus=Touristenvisum");
        var body = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        antwort.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var fehler = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errors");
        fehler.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal).ShouldBe(["a.altersgruppe", "a.von", "a.zieldimensionI", "b.aufenthaltsstatus", "b.bis"]);
        fehler.GetProperty("a.von")[0].GetString().ShouldBe("Bitte ein Datum im Format JJJJ-MM-TT angeben.");
        fehler.GetProperty("a.zieldimensionI")[0].GetString().ShouldBe("Unbekannter Wert. Erlaubt: true, false.");
        fehler.GetProperty("a.altersgruppe")[0].GetString()!.ShouldStartWith("Unbekannter Wert. Erlaubt: Juengere");
        fehler.GetProperty("b.bis")[0].GetString().ShouldBe("„bis“ darf nicht vor „von“ liegen.");
    }

    [Fact]
    public async Task Entscheidung_Invalid_Is400WithAGermanMessagePerField_AndNothingIsStored()
    {
        var vorher = (await fx.Lenkungsgruppe.GetStringAsync("/api/analysen/entscheidungen")).Length;

        using var antwort = await fx.Lenkungsgruppe.PostAsJsonAsync("/api/analysen/entscheidungen", new { titel = "  ", behoerde = "Finanzamt", giltAb = "1999-12-31", themen = new[] { "Wetter" } });
        var body = await antwort.Content.ReadAsStringAsync();

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        antwort.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var fehler = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errors");
        fehler.GetProperty("titel")[0].GetString()!.ShouldContain("Bitte beschreiben Sie die Entscheidung");
        fehler.GetProperty("behoerde")[0].GetString()!.ShouldContain("Bitte wählen Sie die Behörde");
        fehler.GetProperty("giltAb")[0].GetString()!.ShouldContain("01.01.2000");
        fehler.GetProperty("themen")[0].GetString()!.ShouldContain("Unbekannte Kategorie");
        (await fx.Lenkungsgruppe.GetStringAsync("/api/analysen/entscheidungen")).Length.ShouldBe(vorher);
    }

    [Fact]
    public async Task Entscheidung_ComparisonOfAnUnknownId_Is404_AndForTheCaseManagerEverythingIs403()
    {
        using var unbekannt = await fx.Lenkungsgruppe.GetAsync($"/api/analysen/entscheidungen/{Guid.NewGuid()}/vergleich");
        unbekannt.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var liste = await fx.Client.GetAsync("/api/analysen/entscheidungen");
        liste.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var neu = await fx.Client.PostAsJsonAsync("/api/analysen/entscheidungen", new { titel = "x", behoerde = "Jobcenter", giltAb = "2025-01-01" });
        neu.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<List<string>> AuditAsync(string aktion)
    {
        await Task.Delay(200);
        await using var verbindung = new Npgsql.NpgsqlConnection(fx.Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new Npgsql.NpgsqlCommand("SELECT coalesce(detail, '') FROM audit_protokoll WHERE aktion = $1", verbindung);
        befehl.Parameters.Add(new Npgsql.NpgsqlParameter { Value = aktion });
        var liste = new List<string>();
        await using var leser = await befehl.ExecuteReaderAsync();
        while (await leser.ReadAsync())
        {
            liste.Add(leser.GetString(0));
        }

        return liste;
    }

    private async Task<string[]> ExportLinksAsync(string seite)
    {
        var html = await fx.Lenkungsgruppe.GetStringAsync(seite);
        return System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/api/analysen/[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
    }

    private async Task AlleAntwortenAsync(IEnumerable<string> links)
    {
        foreach (var link in links)
        {
            using var antwort = await fx.Lenkungsgruppe.GetAsync(link);
            antwort.StatusCode.ShouldBe(HttpStatusCode.OK, $"{link}: {await antwort.Content.ReadAsStringAsync()}");
            antwort.Content.Headers.ContentType!.MediaType.ShouldBe(link.Contains("/xes", StringComparison.Ordinal) ? "application/xml" : "text/csv", link);
        }
    }

    private async Task<List<XElement>> TracesAsync(string pfad)
    {
        using var antwort = await fx.Lenkungsgruppe.GetAsync(pfad);
        var text = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        KeinePersonenbezug(text);
        System.Text.RegularExpressions.Regex.Matches(text, @"\b20[1-9]\d-\d{2}-\d{2}").Select(m => m.Value).ShouldBeEmpty("no day of a Fall (intake or step)");
        return XDocument.Parse(text).Root!.Elements("trace").ToList();
    }

    private static string Wert(XElement element, string schluessel) =>
        element.Elements().Single(a => (string?)a.Attribute("key") == schluessel).Attribute("value")!.Value;

    private void KeinePersonenbezug(string text)
    {
        foreach (var id in fx.FallIds)
        {
            text.ShouldNotContain(id.ToString(), Case.Insensitive);
        }

        text.ShouldNotContain("Haddad");
        text.ShouldNotContain("Amina");
    }
}
