using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// The Art. 15 copy (issue 15 item 5) over HTTP: equal, table by table, row by row and column by column, to what the
/// database holds about the client (every column of the catalogue's case-file tables, read here with plain SQL), with
/// the access log of the audit trail and the corrections' old values; nothing about another person (household member,
/// another client, staff ids and names); the same 404 for an unknown, a foreign and an erased client; only the
/// Datenschutz role; every production audited.
/// </summary>
[Collection(AuskunftSammlung.Name)]
public sealed class AuskunftTests(AuskunftFixture fx)
{
    private const string Eigene = "Kommunales Integrationsmanagement";

    [Fact]
    public async Task Auskunft_EqualsItemByItemWhatTheDatabaseHoldsAboutTheClient()
    {
        var auskunft = await AuskunftAsync(fx.KlientA);

        var fallIds = new[] { fx.FallA };
        foreach (var tabelle in Datenkatalog.Fallakte)
        {
            var json = Tabelle(auskunft, tabelle.Name);
            var zeilen = json["zeilen"]!.AsArray();
            var db = await ZeilenAsync(tabelle, fallIds);
            zeilen.Count.ShouldBe(db.Count, $"{tabelle.Name}: Anzahl der Zeilen");
            var nachId = zeilen.ToDictionary(z => z!["id"]!.ToJsonString(), z => z!.AsObject());
            foreach (var zeile in db)
            {
                var id = zeile["id"].Wert is Guid g ? JsonValue.Create(g.ToString()).ToJsonString() : JsonValue.Create(Convert.ToInt64(zeile["id"].Wert, CultureInfo.InvariantCulture)).ToJsonString();
                nachId.TryGetValue(id, out var jz).ShouldBeTrue($"{tabelle.Name}: Zeile {id} fehlt in der Auskunft");
                foreach (var spalte in tabelle.Spalten)
                {
                    jz!.ContainsKey(spalte.Name).ShouldBeTrue($"{tabelle.Name}.{spalte.Name} fehlt in Zeile {id}");
                    var (typ, wert) = zeile[spalte.Name];
                    Gleich(spalte, typ, wert, jz[spalte.Name], $"{tabelle.Name}.{spalte.Name} in Zeile {id}");
                }
            }
        }

        // The scenario really filled the tables the acceptance names.
        foreach (var (tabelle, mindestens) in new[] { ("faelle", 1), ("fall_ereignisse", 10), ("einwilligungen", 3), ("ziele", 1), ("notizen", 2), ("ueberleitungen", 1), ("kompetenzprofil_uebergaben", 1), ("wiedervorlagen", 2), ("vertretungen", 1), ("themen", 1) })
        {
            Tabelle(auskunft, tabelle)["zeilen"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(mindestens, tabelle);
        }
    }

    [Fact]
    public async Task Auskunft_CoversEveryCatalogueColumnOfTheCaseFileTables_WithTheCataloguesGermanLabels()
    {
        var auskunft = await AuskunftAsync(fx.KlientA);

        auskunft["daten"]!.AsArray().Select(t => t!["tabelle"]!.GetValue<string>()).ShouldBe(Datenkatalog.Fallakte.Select(t => t.Name));
        foreach (var tabelle in Datenkatalog.Fallakte)
        {
            var json = Tabelle(auskunft, tabelle.Name);
            json["bezeichnung"]!.GetValue<string>().ShouldBe(tabelle.Bezeichnung);
            json["spalten"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldBe(tabelle.Spalten.Select(s => s.Name), tabelle.Name);
            json["spalten"]!.AsArray().Select(s => s!["bezeichnung"]!.GetValue<string>()).ShouldBe(tabelle.Spalten.Select(s => s.Beschreibung), tabelle.Name);
            json["speicherdauer"]!.GetValue<string>().ShouldStartWith(tabelle.Name == "themen" ? tabelle.Loeschregel : "4 Jahre nach Abschluss, Abbruch oder Verweisung des Falls;", customMessage: tabelle.Name);
        }
    }

    [Fact]
    public async Task Auskunft_HasTheAccessLogOfTheAuditTrail_WithRoleAndAuthorityButNoNames()
    {
        var auskunft = await AuskunftAsync(fx.KlientA);
        var zugriffe = auskunft["zugriffe"]!.AsArray().Select(z => z!.AsObject()).ToList();
        var bisNr = zugriffe.Max(z => z["nr"]!.GetValue<long>());

        // Exactly the audit rows of the client or the client's Fall (up to the copy's snapshot), in order.
        var db = new List<(long Id, DateTimeOffset Zeitpunkt, string Aktion, int Ergebnis)>();
        await using (var v = new NpgsqlConnection(fx.Db))
        {
            await v.OpenAsync();
            await using var b = new NpgsqlCommand("SELECT id, zeitpunkt, aktion, ergebnis FROM audit_protokoll WHERE (klient_id = $1 OR fall_id = $2) AND id <= $3 ORDER BY zeitpunkt, id", v);
            b.Parameters.Add(new NpgsqlParameter { Value = fx.KlientA });
            b.Parameters.Add(new NpgsqlParameter { Value = fx.FallA });
            b.Parameters.Add(new NpgsqlParameter { Value = bisNr });
            await using var r = await b.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                db.Add((r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetInt32(3)));
            }
        }

        zugriffe.Select(z => z["nr"]!.GetValue<long>()).ShouldBe(db.Select(d => d.Id));
        zugriffe.Select(z => z["aktion"]!.GetValue<string>()).ShouldBe(db.Select(d => d.Aktion));
        zugriffe.Select(z => z["ergebnis"]!.GetValue<int>()).ShouldBe(db.Select(d => d.Ergebnis));
        zugriffe.Select(z => DateTimeOffset.Parse(z["zeitpunkt"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ShouldBe(db.Select(d => d.Zeitpunkt));

        zugriffe.ShouldContain(z => z["aktion"]!.GetValue<string>() == "Fall.Lesen" && z["stelle"]!.GetValue<string>() == "Jobcenter"
            && z["rollen"]!.GetValue<string>() == "Ansprechperson einer Partnerbehörde" && z["art"]!.GetValue<string>() == "gelesen");
        zugriffe.ShouldContain(z => z["aktion"]!.GetValue<string>() == "Fall.Lesen" && z["stelle"]!.GetValue<string>() == "Ausländerbehörde");
        zugriffe.ShouldContain(z => z["aktion"]!.GetValue<string>() == "Fall.NotizenLesen" && z["rollen"]!.GetValue<string>() == "Teamleitung"
            && z["stelle"]!.GetValue<string>() == Eigene && z["vorgang"]!.GetValue<string>() == "Notizen gelesen");
        zugriffe.ShouldContain(z => z["aktion"]!.GetValue<string>() == "Fall.SchrittAusfuehren" && z["rollen"]!.GetValue<string>() == "Fallmanagement"
            && z["art"]!.GetValue<string>() == "geändert" && z["aktenzeichen"] != null);
        zugriffe.ShouldAllBe(z => z["person"] == null);
    }

    [Fact]
    public async Task Auskunft_HoldsTheOldValuesOfACorrection_AndTheRecipientsFromConsentsHandOversReferralsAndTheAudit()
    {
        var auskunft = await AuskunftAsync(fx.KlientA);

        auskunft["name"]!.GetValue<string>().ShouldBe("Zaynab Auskunftsperson");
        var berichtigung = auskunft["berichtigungen"]!.AsArray().Single()!;
        berichtigung["wirksam"]!.GetValue<bool>().ShouldBeTrue();
        berichtigung["bisherigeWerte"]!.AsArray().Select(f => $"{f!["bezeichnung"]}={f["wert"]}").ShouldBe(["Vorname=Zainab"]);

        var empfaenger = auskunft["empfaenger"]!.AsArray().Select(e => e!.AsObject()).ToList();
        string Zeile(JsonObject e) => $"{e["empfaenger"]} | {e["grundlage"]} | {string.Join(", ", e["daten"]!.AsArray().Select(d => d!.GetValue<string>()))} | {e["stand"]}";
        var zeilen = empfaenger.Select(Zeile).ToList();
        zeilen.ShouldContain("Jobcenter | Ihre Einwilligung | Stammdaten, Leistungen, Kompetenzprofil | gültig");
        zeilen.ShouldContain(z => z.StartsWith("Ausländerbehörde | Ihre Einwilligung | Stammdaten, Aufenthalt | widerrufen am ", StringComparison.Ordinal));
        zeilen.ShouldContain("Jobcenter | Übergabe des Kompetenzprofils | Kompetenzprofil | übergeben");
        zeilen.ShouldContain(z => z.StartsWith("Jobcenter | Überleitung (Anfrage an die Stelle)", StringComparison.Ordinal));
        zeilen.ShouldContain(z => z.StartsWith("Jobcenter | Zugriff von Beschäftigten dieser Stelle (Zugriffsprotokoll) | 1 Lesezugriffe", StringComparison.Ordinal));
        zeilen.ShouldContain(z => z.StartsWith("Ausländerbehörde | Zugriff von Beschäftigten dieser Stelle (Zugriffsprotokoll) | 1 Lesezugriffe", StringComparison.Ordinal));

        var info = auskunft["informationen"]!;
        info["verantwortlicher"]!.GetValue<string>().ShouldStartWith(AuskunftFixture.Verantwortlicher);
        info["datenschutzbeauftragter"]!.GetValue<string>().ShouldContain("nicht konfiguriert: Datenschutz:Datenschutzbeauftragter:Name");
        info["rechte"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Auskunft_ContainsNothingAboutAnotherPerson_InJsonOrHtml()
    {
        using var json = await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft");
        using var html = await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft?format=html");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = new[] { ("JSON", await json.Content.ReadAsStringAsync()), ("HTML", await html.Content.ReadAsStringAsync()) };

        var aktenzeichenB = await SqlHilfen.TextAsync(fx.Db, $"SELECT aktenzeichen FROM faelle WHERE id = '{fx.FallB}'");
        var aktenzeichenC = await SqlHilfen.TextAsync(fx.Db, $"SELECT aktenzeichen FROM faelle WHERE id = '{fx.FallC}'");
        var fremd = new List<string>
        {
            "Hamza", "Mitbewohner", "Olga", "Fremdperson", fx.KlientB.ToString(), fx.FallB.ToString(), fx.KlientC.ToString(), fx.FallC.ToString(),
            aktenzeichenB!, aktenzeichenC!, fx.HaushaltId.ToString(),
        };
        fremd.AddRange(fx.Konten.SelectMany(k => new[] { k.Id, k.Benutzername }));

        foreach (var (art, text) in texte)
        {
            foreach (var f in fremd)
            {
                text.Contains(f, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{art} enthält „{f}“");
            }

            text.ShouldContain("Zaynab");
            text.ShouldContain("Auskunftsperson");
        }

        // The household link itself: only that it exists.
        var klient = Tabelle(JsonNode.Parse(texte[0].Item2)!, "klienten")["zeilen"]!.AsArray().Single()!;
        klient["haushalt_id"]!.GetValue<string>().ShouldBe(AuskunftErstellung.Verknuepft);
    }

    [Fact]
    public async Task Auskunft_AsHtml_IsAPrintableGermanDocumentToDownload()
    {
        using var antwort = await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft?format=html");

        antwort.StatusCode.ShouldBe(HttpStatusCode.OK);
        antwort.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        antwort.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var html = await antwort.Content.ReadAsStringAsync();
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"de\">");
        html.ShouldContain("@media print");
        foreach (var abschnitt in new[] { "Angaben zur Person", "Berichtigungen (Art. 16 DSGVO)", "Empfänger Ihrer Daten", "Zugriffe auf Ihre Daten", "Weitere Informationen und Ihre Rechte" })
        {
            html.ShouldContain(abschnitt);
        }

        html.ShouldContain("Zainab"); // the old first name, from the audit trail
        html.ShouldContain("Ansprechperson einer Partnerbehörde");
        html.ShouldContain("Erstgespräch mit Dolmetscherin geführt");
        html.ShouldContain("02.03.1995");
    }

    [Fact]
    public async Task Auskunft_WhenTheClientIsUnknownForeignOrErased_Answers404WithTheSameProblem()
    {
        // An erased client: the erasure anonymises the Fall (no client) and deletes the client row (migration 0010).
        var fall = await fx.FmClient.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Geloeschte", nachname: "Person"));
        var geloescht = await fx.KlientVonAsync(fall);
        await Datenbestand.AusfuehrenAsync(fx.Database.OwnerConnectionString, $"""
            UPDATE faelle SET klient_id = NULL, anonymisiert_am = current_date, anonym_alter_bei_aufnahme = 31 WHERE id = '{fall}';
            DELETE FROM klienten WHERE id = '{geloescht}';
            """);
        var fremd = await fx.FmClient.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Andere", nachname: "Kommune"));
        var fremdId = await fx.KlientVonAsync(fremd);
        await Datenbestand.AusfuehrenAsync(fx.Database.OwnerConnectionString, $"UPDATE klienten SET mandant = 'andere-kommune' WHERE id = '{fremdId}'");

        var antworten = new List<string>();
        foreach (var id in new[] { Guid.NewGuid(), geloescht, fremdId })
        {
            foreach (var format in new[] { "json", "html" })
            {
                var problem = await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{id}/auskunft?format={format}").ProblemAsync(HttpStatusCode.NotFound);
                problem.Detail().ShouldBe(AuskunftErstellung.NichtGefunden);
                antworten.Add($"{problem.Titel()}|{problem.Detail()}");
            }
        }

        antworten.Distinct().Count().ShouldBe(1);
        await fx.AuditAbwartenAsync($"aktion = 'Datenschutz.Auskunft' AND klient_id = '{geloescht}' AND ergebnis = 404");
    }

    [Fact]
    public async Task Auskunft_IsProducedOnlyByTheDatenschutzRole_AndEveryProductionIsAudited()
    {
        foreach (var client in new[] { fx.FmClient, fx.TlClient, fx.JcClient })
        {
            (await client.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var anonym = fx.Factory.NeuerClient();
        (await anonym.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var bedingung = $"aktion = 'Datenschutz.Auskunft' AND klient_id = '{fx.KlientA}' AND detail = 'html' AND ergebnis = 200 AND benutzer_id = '{fx.Ds.Id}' AND rollen = 'Datenschutz'";
        var vorher = await fx.AuditAnzahlAsync(bedingung);
        (await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft?format=html")).EnsureSuccessStatusCode();

        await fx.AuditAbwartenAsync(bedingung, vorher + 1);
    }

    [Fact]
    public async Task Auskunft_WithAnUnknownFormat_Answers400InGerman()
    {
        var problem = await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft?format=pdf").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("format").ShouldBe(["Erlaubt: json, html."]);
    }

    [Fact]
    public async Task Suche_FindsTheClientByNameOrAktenzeichen_ValidatesInGerman_AndAuditsEveryHit()
    {
        var aktenzeichen = await SqlHilfen.TextAsync(fx.Db, $"SELECT aktenzeichen FROM faelle WHERE id = '{fx.FallA}'");

        var nachName = await fx.DsClient.GetAsync("/api/datenschutz/klienten?suche=zaynab%20auskunfts").OkAsync();
        var nachAktenzeichen = await fx.DsClient.GetAsync($"/api/datenschutz/klienten?suche={Uri.EscapeDataString(aktenzeichen!)}").OkAsync();

        foreach (var ergebnis in new[] { nachName, nachAktenzeichen })
        {
            var t = ergebnis["treffer"]!.AsArray().Single()!;
            t["klientId"]!.GetValue<Guid>().ShouldBe(fx.KlientA);
            t["aktenzeichen"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([aktenzeichen!]);
            ergebnis["begrenzt"]!.GetValue<bool>().ShouldBeFalse();
        }

        (await fx.DsClient.GetAsync("/api/datenschutz/klienten?suche=Niemand%20Sonst").OkAsync())["treffer"]!.AsArray().ShouldBeEmpty();
        (await fx.DsClient.GetAsync("/api/datenschutz/klienten?suche=%25%25").OkAsync())["treffer"]!.AsArray().ShouldBeEmpty();
        var problem = await fx.DsClient.GetAsync("/api/datenschutz/klienten?suche=z").ProblemAsync(HttpStatusCode.BadRequest);
        problem.Fehler("suche").ShouldBe(["Bitte geben Sie mindestens 2 und höchstens 100 Zeichen ein: einen Namen oder ein Aktenzeichen."]);
        (await fx.FmClient.GetAsync("/api/datenschutz/klienten?suche=Zaynab")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await fx.AuditAbwartenAsync($"aktion = 'Datenschutz.KlientSuche' AND klient_id = '{fx.KlientA}' AND benutzer_id = '{fx.Ds.Id}'", 2);
    }

    [Fact]
    public async Task Auskunft_WhenTheKommuneAllowsNames_NamesTheStaff()
    {
        await using var mitNamen = new KimWebFactory(fx.Einstellungen(mitNamen: true));
        using var ds = await mitNamen.AngemeldetAsync(fx.Ds);

        var auskunft = await ds.GetAsync($"/api/datenschutz/klienten/{fx.KlientA}/auskunft").OkAsync();

        auskunft["mitNamenDerBeschaeftigten"]!.GetValue<bool>().ShouldBeTrue();
        auskunft["zugriffe"]!.AsArray().ShouldContain(z => z!["person"]!.GetValue<string>() == fx.Tl.Benutzername && z["rollen"]!.GetValue<string>() == "Teamleitung");
        Tabelle(auskunft, "notizen")["zeilen"]!.AsArray().Select(z => z!["verfasst_von"]!.GetValue<string>())
            .ShouldAllBe(v => v == $"{fx.Fm.Benutzername} (Fallmanagement – {Eigene})");
    }

    private async Task<JsonNode> AuskunftAsync(Guid klientId) =>
        await fx.DsClient.GetAsync($"/api/datenschutz/klienten/{klientId}/auskunft").OkAsync();

    private static JsonNode Tabelle(JsonNode auskunft, string name) =>
        auskunft["daten"]!.AsArray().Single(t => t!["tabelle"]!.GetValue<string>() == name)!;

    /// <summary>The client's rows of a catalogue table, read with plain SQL: every column with its database type.</summary>
    private async Task<List<Dictionary<string, (string Typ, object? Wert)>>> ZeilenAsync(KatalogTabelle tabelle, Guid[] fallIds)
    {
        var bedingung = tabelle.Name switch
        {
            "klienten" => "id = $1",
            "faelle" => "klient_id = $1",
            _ => "fall_id = ANY($2)",
        };
        await using var v = new NpgsqlConnection(fx.Db);
        await v.OpenAsync();
        await using var b = new NpgsqlCommand($"SELECT * FROM {tabelle.Name} WHERE {bedingung}", v);
        b.Parameters.Add(new NpgsqlParameter { Value = fx.KlientA });
        b.Parameters.Add(new NpgsqlParameter { Value = fallIds });
        await using var r = await b.ExecuteReaderAsync();
        var zeilen = new List<Dictionary<string, (string, object?)>>();
        while (await r.ReadAsync())
        {
            var z = new Dictionary<string, (string, object?)>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
            {
                z[r.GetName(i)] = (r.GetDataTypeName(i), r.IsDBNull(i) ? null : r.GetDataTypeName(i) switch
                {
                    "date" => r.GetFieldValue<DateOnly>(i),
                    "timestamp with time zone" => r.GetFieldValue<DateTimeOffset>(i),
                    _ => r.GetValue(i),
                });
            }

            zeilen.Add(z);
        }

        return zeilen;
    }

    /// <summary>The copy's value of a column equals the stored one (staff as role and authority, household links as "verknüpft").</summary>
    private void Gleich(KatalogSpalte spalte, string typ, object? wert, JsonNode? json, string ort)
    {
        if (wert is null)
        {
            json.ShouldBeNull(ort);
            return;
        }

        json.ShouldNotBeNull(ort);
        switch (spalte.InAuskunft)
        {
            case Auskunftsform.Beschaeftigte:
                json.GetValue<string>().ShouldBe(Beschaeftigte(wert), ort);
                return;
            case Auskunftsform.NurVerknuepfung:
                json.GetValue<string>().ShouldBe(AuskunftErstellung.Verknuepft, ort);
                return;
        }

        switch (typ)
        {
            case "date":
                json.GetValue<string>().ShouldBe(((DateOnly)wert).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ort);
                break;
            case "timestamp with time zone":
                DateTimeOffset.Parse(json.GetValue<string>(), CultureInfo.InvariantCulture).ShouldBe((DateTimeOffset)wert, ort);
                break;
            case "jsonb":
                JsonNode.DeepEquals(JsonNode.Parse((string)wert), json).ShouldBeTrue($"{ort}: {wert} ≠ {json.ToJsonString()}");
                break;
            case "uuid":
                json.GetValue<string>().ShouldBe(((Guid)wert).ToString(), ort);
                break;
            case "boolean":
                json.GetValue<bool>().ShouldBe((bool)wert, ort);
                break;
            case "integer" or "bigint":
                json.GetValue<long>().ShouldBe(Convert.ToInt64(wert, CultureInfo.InvariantCulture), ort);
                break;
            case "text":
                json.GetValue<string>().ShouldBe((string)wert, ort);
                break;
            default:
                throw new ShouldAssertException($"{ort}: Typ {typ} prüft dieser Test nicht.");
        }
    }

    /// <summary>How the copy names a staff account of the fixture (no name), or a team.</summary>
    private string Beschaeftigte(object wert)
    {
        if (wert is Guid team)
        {
            return team == fx.Fm.TeamId ? "Team Nord" : throw new ShouldAssertException($"Unbekanntes Team {team}");
        }

        var id = (string)wert;
        if (id == fx.Jc.Id)
        {
            return "Ansprechperson einer Partnerbehörde – Jobcenter";
        }

        if (id == fx.Abh.Id)
        {
            return "Ansprechperson einer Partnerbehörde – Ausländerbehörde";
        }

        if (id == fx.Tl.Id)
        {
            return $"Teamleitung – {Eigene}";
        }

        return id == fx.Fm.Id || id == fx.FmVertretung.Id ? $"Fallmanagement – {Eigene}" : throw new ShouldAssertException($"Unerwartetes Konto {id}");
    }
}
