using System.Net;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// The Art. 30 record (issue 15 item 9) over HTTP, for the Datenschutz role: a German document generated from the catalogue
/// (every personal table and kind of data), today's periods of the rule table (the fixture's Kommune overrides the
/// case-file period with 4 years) and the Kommune's configuration (its controller; a placeholder for what it left out).
/// </summary>
[Collection(AuskunftSammlung.Name)]
public sealed class VerarbeitungsverzeichnisTests(AuskunftFixture fx)
{
    [Fact]
    public async Task Verzeichnis_AsMarkdown_NamesEveryPersonalTableAndKindOfData_WithTodaysPeriodsAndTheKommunesController()
    {
        using var antwort = await fx.DsClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=markdown");

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK);
        antwort.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        antwort.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var text = (await antwort.Content.ReadAsStringAsync()).Replace("\\", string.Empty, StringComparison.Ordinal); // Markdown escapes (Klient\*innen)
        text.ShouldStartWith("# Verzeichnis von Verarbeitungstätigkeiten nach Art. 30 Abs. 1 DSGVO");
        foreach (var t in Datenkatalog.Tabellen.Where(t => t.Personenbezogen))
        {
            text.ShouldContain($"{t.Bezeichnung} ({t.Name})");
            text.ShouldContain($"### {t.Bezeichnung} (`{t.Name}`)");
        }

        foreach (var art in Datenkatalog.Tabellen.Where(t => t.Personenbezogen).SelectMany(t => t.Spalten).Select(s => s.Art).Distinct())
        {
            text.ShouldContain($"**{art.Bezeichnung()}**");
        }

        text.ShouldContain("| Fälle (faelle) | 4 Jahre nach Abschluss, Abbruch oder Verweisung des Falls (P4Y) | Aufbewahrung.FallakteNachAbschluss | 01.01.2020 | Kreistagsbeschluss (Test) |");
        text.ShouldContain("| Zugriffsprotokoll (audit_protokoll) | 2 Jahre nach dem Zugriff (P2Y) | Aufbewahrung.Auditprotokoll |");
        text.ShouldContain($"- **Name:** {AuskunftFixture.Verantwortlicher}");
        text.ShouldContain("[nicht konfiguriert: Datenschutz:Datenschutzbeauftragter:Name – bitte von der Kommune zu ergänzen]");
        foreach (var stelle in new[] { "### Ausländerbehörde", "### Jobcenter", "### Bildungsberatung", "### Lenkungsgruppe" })
        {
            text.ShouldContain(stelle);
        }

        foreach (var massnahme in new[] { "TOTP", "Serverseitige Sitzungen", "30 Minuten", "10 Stunden", "SHA-256-Hash-Kette", "Berechtigung je Datensatz", "TLS", "Mindestgruppengröße 5" })
        {
            text.ShouldContain(massnahme);
        }
    }

    [Fact]
    public async Task Verzeichnis_AsHtmlAndJson_HoldsTheSameRecord_AndEveryProductionIsAudited()
    {
        var vorher = await fx.AuditAnzahlAsync($"aktion = 'Datenschutz.Verarbeitungsverzeichnis' AND benutzer_id = '{fx.Ds.Id}'");

        using var html = await fx.DsClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis");
        var json = await fx.DsClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=json").OkAsync();

        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var dokument = await html.Content.ReadAsStringAsync();
        dokument.ShouldStartWith("<!DOCTYPE html>");
        dokument.ShouldContain("<h2 id=\"vz-fristen\">7. Fristen für die Löschung (Buchst. f)</h2>");
        var fristen = json["fristen"]!.AsArray();
        fristen.Select(f => f!["tabelle"]!.GetValue<string>()).ShouldBe(Datenkatalog.Tabellen.Where(t => t.Personenbezogen).Select(t => t.Name));
        fristen.Single(f => f!["tabelle"]!.GetValue<string>() == "notizen")!["isoFrist"]!.GetValue<string>().ShouldBe("P4Y");
        await fx.AuditAbwartenAsync($"aktion = 'Datenschutz.Verarbeitungsverzeichnis' AND benutzer_id = '{fx.Ds.Id}'", vorher + 2);
    }

    [Fact]
    public async Task Verzeichnis_OnlyForTheDatenschutzRole_AndUnknownFormatIs400()
    {
        (await fx.FmClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fx.TlClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var problem = await fx.DsClient.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=docx").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("format").ShouldBe(["Erlaubt: html, markdown, json."]);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheDatenschutzEndpoints()
    {
        var doc = await fx.DsClient.GetAsync("/openapi/v1.json").OkAsync();

        var pfade = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        pfade.ShouldContain("/api/datenschutz/klienten");
        pfade.ShouldContain("/api/datenschutz/klienten/{klientId}/auskunft");
        pfade.ShouldContain("/api/datenschutz/verarbeitungsverzeichnis");
    }
}
