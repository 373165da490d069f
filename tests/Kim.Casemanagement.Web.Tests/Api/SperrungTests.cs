using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// Holds (Sperrung, Art. 18 DSGVO) over HTTP: the Datenschutz role sets, lists and lifts them; a held Fall is read-only
/// (409 with the German reason, nothing stored), hidden from the lists and the team lead's figures, still readable by id
/// with the hold (without its reason); setting and lifting are audited; bad input and unknown or foreign Fälle store
/// nothing.
/// </summary>
public sealed class SperrungTests(SperrungFixture api) : IClassFixture<SperrungFixture>
{
    private static DateOnly Heute => Sperrstand.Heute;

    private string Db => api.Database.SuperuserConnectionString;

    private static string Tag(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SetzenAsync(Guid fallId, object body) => api.Datenschutz.PostAsJsonAsync($"/api/datenschutz/faelle/{fallId}/sperre", body);

    private Task<HttpResponseMessage> AufhebenAsync(Guid fallId, object body) => api.Datenschutz.PostAsJsonAsync($"/api/datenschutz/faelle/{fallId}/sperre/aufhebung", body);

    private async Task<JsonArray> SperrenAsync(string abfrage) => (await api.Datenschutz.GetAsync("/api/datenschutz/sperren?" + abfrage).OkAsync())["eintraege"]!.AsArray();

    private async Task<HashSet<Guid>> FallListeAsync(HttpClient client, string abfrage = "") =>
        (await client.GetAsync("/api/faelle?groesse=200" + abfrage).OkAsync())["eintraege"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()).ToHashSet();

    private async Task<string> AktenzeichenAsync(Guid fallId) => (await api.Client.FallAsync(fallId))["aktenzeichen"]!.GetValue<string>();

    [Fact]
    public async Task Setzen_WhenTheDatenschutzRoleHoldsAFall_Answers201WithTheHoldAndListsItAsActive()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Sperrprobe"));
        var bis = Heute.AddDays(60);

        using var antwort = await SetzenAsync(id, new { grund = "Die Klientin bestreitet die Richtigkeit der Angaben zum Aufenthalt.", bis = Tag(bis) });

        var body = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        antwort.Headers.Location!.OriginalString.ShouldBe($"/api/datenschutz/sperren?fallId={id}");
        var sperre = JsonNode.Parse(body)!;
        sperre["fallId"]!.GetValue<Guid>().ShouldBe(id);
        sperre["aktenzeichen"]!.GetValue<string>().ShouldBe(await AktenzeichenAsync(id));
        sperre["status"]!.GetValue<string>().ShouldBe("Aktiv");
        sperre["grund"]!.GetValue<string>().ShouldBe("Die Klientin bestreitet die Richtigkeit der Angaben zum Aufenthalt.");
        sperre["bis"]!.GetValue<string>().ShouldBe(Tag(bis));
        sperre["gesetztVon"]!.GetValue<string>().ShouldBe(api.DatenschutzKonto.Id);
        sperre["aufgehobenAm"].ShouldBeNull();

        (await SperrenAsync($"aktiv=true&fallId={id}")).Select(s => s!["id"]!.GetValue<Guid>()).ShouldBe([sperre["id"]!.GetValue<Guid>()]);
        (await SperrenAsync($"aktiv=false&fallId={id}")).ShouldBeEmpty();
        (await SperrenAsync("aktiv=true")).Select(s => s!["fallId"]!.GetValue<Guid>()).ShouldContain(id);
        (await SqlHilfen.TextAsync(Db, $"SELECT version FROM faelle WHERE id = '{id}'")).ShouldBe("2", "Setzen erhöht die Version des Falls.");
    }

    [Fact]
    public async Task Setzen_WhenAHoldIsActive_Answers409InGermanAndStoresNoSecondOne()
    {
        var id = await api.Client.NeuerFallAsync();
        await SetzenAsync(id, new { grund = "Rechtsstreit anhängig" }).OkAsync();
        var vorher = await Sperrstand.FingerabdruckAsync(Db, id);

        var problem = await SetzenAsync(id, new { grund = "Noch einmal" }).ProblemAsync(HttpStatusCode.Conflict);

        problem.Detail().ShouldStartWith($"Der Fall {await AktenzeichenAsync(id)} ist bereits gesperrt (seit ");
        problem.Detail().ShouldContain("bis auf Weiteres");
        (await Sperrstand.FingerabdruckAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task SetzenUndAufheben_WhenTheFallIsUnknownOrAnotherTenants_Answer404AndStoreNothing()
    {
        var fremd = await api.Client.NeuerFallAsync();
        await Datenbestand.AusfuehrenAsync(Db, $"UPDATE faelle SET mandant = 'andere-kommune' WHERE id = '{fremd}'");
        var vorher = await Sperrstand.FingerabdruckAsync(Db, fremd);

        foreach (var fallId in new[] { Guid.NewGuid(), fremd })
        {
            (await SetzenAsync(fallId, new { grund = "Prüfung" }).ProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldBe("Der Fall wurde nicht gefunden.");
            (await AufhebenAsync(fallId, new { grund = "Prüfung" }).ProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldBe("Der Fall wurde nicht gefunden.");
        }

        (await Sperrstand.FingerabdruckAsync(Db, fremd)).ShouldBe(vorher);
        (await SperrenAsync($"fallId={fremd}")).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> UngueltigeSperren() => new()
    {
        { """{}""", "grund", "Bitte geben Sie den Grund der Sperrung an." },
        { """{"grund":"   "}""", "grund", "Bitte geben Sie den Grund der Sperrung an." },
        { """{"grund":"Grund\u0007mit Steuerzeichen"}""", "grund", "Der Grund darf höchstens 2000 Zeichen lang sein und keine Steuerzeichen enthalten." },
        { "{\"grund\":\"" + new string('x', 2001) + "\"}", "grund", "Der Grund darf höchstens 2000 Zeichen lang sein und keine Steuerzeichen enthalten." },
        { """{"grund":"Prüfung","bis":"2001-01-01"}""", "bis", "Das Ende der Sperrung darf nicht in der Vergangenheit liegen." },
        { """{"grund":"Prüfung","bis":"2199-01-01"}""", "bis", "Das Ende der Sperrung darf höchstens 30 Jahre in der Zukunft liegen." },
    };

    [Theory]
    [MemberData(nameof(UngueltigeSperren))]
    public async Task Setzen_WhenTheInputIsInvalid_Answers400WithAGermanFieldMessageAndStoresNothing(string body, string feld, string meldung)
    {
        var id = await api.Client.NeuerFallAsync();
        var vorher = await Sperrstand.FingerabdruckAsync(Db, id);

        var problem = await api.Datenschutz.PostRohAsync($"/api/datenschutz/faelle/{id}/sperre", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler(feld).ShouldBe([meldung]);
        (await Sperrstand.FingerabdruckAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Setzen_WhenTheBodyIsMalformedOrHasUnknownFields_Answers400AndStoresNothing()
    {
        var id = await api.Client.NeuerFallAsync();
        var vorher = await Sperrstand.FingerabdruckAsync(Db, id);

        (await api.Datenschutz.PostRohAsync($"/api/datenschutz/faelle/{id}/sperre", """{"grund":"Prüfung","bis":"morgen"}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Datenschutz.PostRohAsync($"/api/datenschutz/faelle/{id}/sperre", """{"grund":"Prüfung","gesetztVon":"jemand"}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Datenschutz.PostRohAsync($"/api/datenschutz/faelle/{id}/sperre", """{"grund":""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Sperrstand.FingerabdruckAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Aufheben_WhenAHoldIsActive_LiftsItKeepsTheHistoryAndTheFallIsWritableAndListedAgain()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Aufhebungsprobe"));
        var gesetzt = await SetzenAsync(id, new { grund = "Auskunftsverfahren läuft" }).OkAsync();
        (await FallListeAsync(api.Client)).ShouldNotContain(id);

        var problemOhneGrund = await AufhebenAsync(id, new { grund = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        problemOhneGrund.Fehler("grund").ShouldBe(["Bitte geben Sie den Grund der Aufhebung an."]);

        var aufgehoben = await AufhebenAsync(id, new { grund = "Verfahren abgeschlossen" }).OkAsync();

        aufgehoben["id"]!.GetValue<Guid>().ShouldBe(gesetzt["id"]!.GetValue<Guid>());
        aufgehoben["status"]!.GetValue<string>().ShouldBe("Aufgehoben");
        aufgehoben["aufhebungsgrund"]!.GetValue<string>().ShouldBe("Verfahren abgeschlossen");
        aufgehoben["aufgehobenVon"]!.GetValue<string>().ShouldBe(api.DatenschutzKonto.Id);
        aufgehoben["grund"]!.GetValue<string>().ShouldBe("Auskunftsverfahren läuft");
        (await SperrenAsync($"aktiv=false&fallId={id}")).Select(s => s!["status"]!.GetValue<string>()).ShouldBe(["Aufgehoben"]);
        (await SperrenAsync($"aktiv=true&fallId={id}")).ShouldBeEmpty();
        (await SqlHilfen.TextAsync(Db, $"SELECT version FROM faelle WHERE id = '{id}'")).ShouldBe("3", "Setzen und Aufheben erhöhen die Version.");

        (await api.Client.FallAsync(id))["sperre"].ShouldBeNull();
        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Nach der Aufhebung wieder bearbeitbar." }).OkAsync();
        (await FallListeAsync(api.Client)).ShouldContain(id);

        var nochmal = await AufhebenAsync(id, new { grund = "doppelt" }).ProblemAsync(HttpStatusCode.Conflict);
        nochmal.Detail().ShouldBe($"Der Fall {await AktenzeichenAsync(id)} ist nicht gesperrt.");
    }

    [Fact]
    public async Task Sperre_WhenItsEndDateHasPassed_IsNoLongerActiveAndANewHoldClosesIt()
    {
        var id = await api.Client.NeuerFallAsync();
        var alt = await SetzenAsync(id, new { grund = "Befristete Prüfung", bis = Tag(Heute) }).OkAsync();
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Heute noch gesperrt." })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "bis = heute: der letzte Tag der Sperre");

        // The end date passes (as it would at midnight): the hold is expired, without anyone lifting it.
        await Datenbestand.AusfuehrenAsync(Db, $"UPDATE fall_sperren SET bis = current_date - 1 WHERE fall_id = '{id}'");

        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Die Sperre ist abgelaufen." }).OkAsync();
        (await api.Client.FallAsync(id))["sperre"].ShouldBeNull();
        (await FallListeAsync(api.Client)).ShouldContain(id);
        (await SperrenAsync($"fallId={id}")).Select(s => s!["status"]!.GetValue<string>()).ShouldBe(["Abgelaufen"]);
        (await SperrenAsync($"aktiv=false&fallId={id}")).Count.ShouldBe(1);
        (await AufhebenAsync(id, new { grund = "zu spät" }).ProblemAsync(HttpStatusCode.Conflict)).Detail().ShouldContain("ist nicht gesperrt: die Sperre ist am ");

        var neu = await SetzenAsync(id, new { grund = "Erneute Prüfung" }).OkAsync();

        neu["status"]!.GetValue<string>().ShouldBe("Aktiv");
        var verlauf = await SperrenAsync($"fallId={id}");
        verlauf.Select(s => (s!["id"]!.GetValue<Guid>(), s["status"]!.GetValue<string>())).ShouldBe(
            [(neu["id"]!.GetValue<Guid>(), "Aktiv"), (alt["id"]!.GetValue<Guid>(), "Aufgehoben")]);
        verlauf[1]!["aufhebungsgrund"]!.GetValue<string>().ShouldEndWith("; durch eine neue Sperre abgelöst.");
    }

    [Fact]
    public async Task GesperrterFall_WhenReadById_ShowsTheHoldWithoutItsReasonAndEveryStepBlockedByIt()
    {
        var id = await api.Client.NeuerFallAsync();
        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", new
        {
            empfaenger = "Jobcenter", datenkategorien = new[] { "Stammdaten", "Leistungen" }, zweck = "Abstimmung mit dem Jobcenter", gueltigAb = Tag(Heute), formularReferenz = "EW-JC-S",
        }).OkAsync();
        var bis = Heute.AddDays(10);
        await SetzenAsync(id, new { grund = "Geheimer Grund Zebrafisch", bis = Tag(bis) }).OkAsync();

        var fall = await api.Client.FallAsync(id);

        fall["sperre"]!["bis"]!.GetValue<string>().ShouldBe(Tag(bis));
        fall["sperre"]!["seit"].ShouldNotBeNull();
        fall.ToJsonString().ShouldNotContain("Zebrafisch");
        var spuren = fall["spuren"]!.AsArray();
        spuren.SelectMany(s => s!["erlaubteSchritte"]!.AsArray()).ShouldBeEmpty();
        var gruende = spuren.SelectMany(s => s!["blockierteSchritte"]!.AsArray()).Select(t => t!["gruende"]![0]!.GetValue<string>()).ToList();
        gruende.ShouldNotBeEmpty();
        gruende.ShouldAllBe(g => g == "Der Fall ist gesperrt (Art. 18 DSGVO) und kann nur gelesen werden.");

        var partner = await api.Jobcenter.FallAsync(id);
        partner["sperre"]!["bis"]!.GetValue<string>().ShouldBe(Tag(bis));
        partner.ToJsonString().ShouldNotContain("Zebrafisch");
        (await api.Jobcenter.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", Tag(Heute)).ProblemAsync(HttpStatusCode.Conflict)).Titel().ShouldBe("Fall gesperrt");
        (await api.Client.GetAsync($"/api/faelle/{id}/ereignisse")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Client.GetAsync($"/api/faelle/{id}/notizen")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GesperrterFall_DisappearsFromListsSearchAndTheTeamLeadsFiguresUntilTheHoldIsLifted()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Listenprobe"));
        var aktenzeichen = await AktenzeichenAsync(id);
        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/wiedervorlagen", new { faellig = Tag(Heute), betreff = "Heute fällig" }).OkAsync();
        await api.Client.PostAsJsonAsync($"/api/faelle/{id}/einwilligungen", new
        {
            empfaenger = "Jobcenter", datenkategorien = new[] { "Stammdaten", "Leistungen" }, zweck = "Abstimmung mit dem Jobcenter", gueltigAb = Tag(Heute), formularReferenz = "EW-JC-L",
        }).OkAsync();
        var auslastungVorher = await AuslastungAsync();

        await SetzenAsync(id, new { grund = "Prüfung" }).OkAsync();

        (await FallListeAsync(api.Client)).ShouldNotContain(id);
        (await FallListeAsync(api.Client, "&suche=" + Uri.EscapeDataString(aktenzeichen))).ShouldBeEmpty();
        (await FallListeAsync(api.Client, "&suche=Listenprobe")).ShouldBeEmpty();
        (await FallListeAsync(api.Client, "&faellig=true")).ShouldNotContain(id);
        (await FallListeAsync(api.Teamleitung)).ShouldNotContain(id);
        (await FallListeAsync(api.Jobcenter)).ShouldNotContain(id);
        var auslastung = await AuslastungAsync();
        auslastung.Faelle.ShouldBe(auslastungVorher.Faelle - 1, "Ein gesperrter Fall zählt nicht zur Auslastung.");
        auslastung.Faellig.ShouldBe(auslastungVorher.Faellig - 1, "Seine fälligen Wiedervorlagen auch nicht.");
        (await api.Client.GetAsync($"/api/faelle/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "Lesen über die Kennung bleibt möglich.");

        await AufhebenAsync(id, new { grund = "erledigt" }).OkAsync();

        (await FallListeAsync(api.Client, "&suche=" + Uri.EscapeDataString(aktenzeichen))).ShouldBe([id]);
        (await FallListeAsync(api.Teamleitung)).ShouldContain(id);
        (await FallListeAsync(api.Jobcenter)).ShouldContain(id);
        (await AuslastungAsync()).ShouldBe(auslastungVorher);
    }

    /// <summary>The team lead's figures for the case manager of the fixture: active Fälle and due follow-ups.</summary>
    private async Task<(int Faelle, int Faellig)> AuslastungAsync()
    {
        var daten = await api.Teamleitung.GetAsync("/api/teamleitung/auslastung").OkAsync();
        var zeile = daten["zeilen"]!.AsArray().SingleOrDefault(z => z!["fallmanagerId"]!.GetValue<string>() == api.Fallmanagerin.Id);
        return zeile is null ? (0, 0) : (zeile["aktiveFaelle"]!.GetValue<int>(), zeile["wiedervorlagenFaellig"]!.GetValue<int>());
    }

    [Fact]
    public async Task SetzenUndAufheben_WriteAnAuditRowEachWithTheHoldsIdButNotItsReason()
    {
        var id = await api.Client.NeuerFallAsync();
        var gesetzt = await SetzenAsync(id, new { grund = "Vertraulicher Anlass 0815", bis = Tag(Heute.AddDays(5)) }).OkAsync();
        await AufhebenAsync(id, new { grund = "Vertrauliche Aufhebung 0816" }).OkAsync();
        (await api.Datenschutz.GetAsync($"/api/datenschutz/sperren?fallId={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unbekannt = Guid.NewGuid();
        (await SetzenAsync(unbekannt, new { grund = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var sperreId = gesetzt["id"]!.GetValue<Guid>();
        var klientId = await SqlHilfen.TextAsync(Db, $"SELECT klient_id FROM faelle WHERE id = '{id}'");
        (await SqlHilfen.TextAsync(Db, $"""
            SELECT string_agg(aktion || '|' || detail || '|' || ergebnis || '|' || benutzer_id || '|' || klient_id, E'\n' ORDER BY id)
            FROM audit_protokoll WHERE fall_id = '{id}' AND aktion LIKE 'Datenschutz.Sperre%'
            """)).ShouldBe(
            $"Datenschutz.SperreSetzen|{sperreId}; bis {Tag(Heute.AddDays(5))}|200|{api.DatenschutzKonto.Id}|{klientId}\n"
            + $"Datenschutz.SperreAufheben|{sperreId}|200|{api.DatenschutzKonto.Id}|{klientId}");
        (await SqlHilfen.TextAsync(Db, "SELECT count(*) FROM audit_protokoll WHERE detail LIKE '%0815%' OR detail LIKE '%0816%'")).ShouldBe("0");

        // The list and the refused attempt are logged too (written at the end of their requests).
        await WarteAufAsync($"SELECT count(*) FROM audit_protokoll WHERE aktion = 'Datenschutz.Sperren' AND fall_id = '{id}'", "1");
        await WarteAufAsync($"SELECT count(*) FROM audit_protokoll WHERE aktion = 'Datenschutz.SperreSetzen' AND detail = 'Fall nicht vorhanden' AND ergebnis = 404 AND fall_id = '{unbekannt}'", "1");
    }

    private async Task WarteAufAsync(string sql, string erwartet)
    {
        string? ist = null;
        for (var i = 0; i < 100 && ist != erwartet; i++)
        {
            ist = await SqlHilfen.TextAsync(Db, sql);
            if (ist != erwartet)
            {
                await Task.Delay(50);
            }
        }

        ist.ShouldBe(erwartet, sql);
    }

    [Fact]
    public async Task Setzen_WhenRepeatedWithTheSameIdempotencyKey_ReplaysTheFirstAnswerAndStoresOneHold()
    {
        var id = await api.Client.NeuerFallAsync();
        HttpRequestMessage Anfrage()
        {
            var anfrage = Anfragen.Json(HttpMethod.Post, $"/api/datenschutz/faelle/{id}/sperre", new { grund = "Einmal gesetzt" });
            anfrage.Headers.Add("Idempotency-Key", $"sperre-{id}");
            return anfrage;
        }

        using var erste = await api.Datenschutz.SendAsync(Anfrage());
        using var zweite = await api.Datenschutz.SendAsync(Anfrage());

        erste.StatusCode.ShouldBe(HttpStatusCode.Created, await erste.Content.ReadAsStringAsync());
        zweite.StatusCode.ShouldBe(HttpStatusCode.Created, await zweite.Content.ReadAsStringAsync());
        zweite.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        (await zweite.Content.ReadAsStringAsync()).ShouldBe(await erste.Content.ReadAsStringAsync());
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM fall_sperren WHERE fall_id = '{id}'")).ShouldBe("1");
    }

    [Theory]
    [InlineData("aktiv=vielleicht")]
    [InlineData("seite=0")]
    [InlineData("groesse=201")]
    [InlineData("fallId=keine-guid")]
    public async Task Liste_WhenTheFilterIsInvalid_Answers400(string abfrage)
    {
        (await api.Datenschutz.GetAsync("/api/datenschutz/sperren?" + abfrage)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
