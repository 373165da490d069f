using Kim.Casemanagement.Application.Sicherheit;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using TestApi = Kim.Casemanagement.Web.Tests.Infrastruktur.Api;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// Bad input through the HTTP API: every refusal is a 4xx ProblemDetails with German texts (and the field under
/// <c>errors</c>), never a 500, and nothing is stored — checked by direct SQL before and after.
/// </summary>
public sealed class UngueltigeEingabenTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string KeinGueltigesJson = "Der Inhalt der Anfrage ist kein gültiges JSON oder passt nicht zum erwarteten Format";
    private const string UnvollstaendigeAnfrage = "Die Anfrage ist unvollständig oder fehlerhaft (z. B. ein Pflichtfeld, ein ungültiger Wert in der Adresse oder ein fehlender Inhalt).";
    private const string MarkierteAngaben = "Bitte prüfen Sie die markierten Angaben.";
    private const string PersonUngueltig = "Die Angaben zur Person sind unvollständig oder ungültig.";
    private const string VornameRegel = "Der Vorname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt).";
    private const string NachnameRegel = "Der Nachname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt).";
    private const string SchrittUngueltig = "Die Angaben zum Schritt sind ungültig.";

    private readonly HttpClient _client = api.Client;

    private string Db => api.Database.SuperuserConnectionString;

    // ------------------------------------------------------------------ malformed JSON

    [Theory]
    [InlineData("{\"klient\": {\"vorname\": \"Amina\"", KeinGueltigesJson)]
    [InlineData("{\"klient\": {\"vorname\": \"Amina\",}}", KeinGueltigesJson)]
    [InlineData("das ist kein JSON", KeinGueltigesJson)]
    [InlineData("[{\"aufnahmedatum\": \"2026-11-01\"}]", KeinGueltigesJson)]
    [InlineData("\"Amina Haddad\"", KeinGueltigesJson)]
    [InlineData("null", UnvollstaendigeAnfrage)]
    [InlineData("", UnvollstaendigeAnfrage)]
    public async Task Aufnahme_WhenBodyIsNotAJsonObject_Returns400AndStoresNothing(string body, string detailBeginn)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostRohAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
        problem.Detail().ShouldStartWith(detailBeginn);
        problem["errors"].ShouldBeNull();
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("{\"spur\": \"Prozess\", \"trigger\": \"Klaeren\"", KeinGueltigesJson)]
    [InlineData("spur=Prozess&trigger=Klaeren", KeinGueltigesJson)]
    [InlineData("[{\"spur\": \"Prozess\", \"trigger\": \"Klaeren\", \"fachlichesDatum\": \"2026-11-02\"}]", KeinGueltigesJson)]
    [InlineData("42", KeinGueltigesJson)]
    [InlineData("null", UnvollstaendigeAnfrage)]
    [InlineData("", UnvollstaendigeAnfrage)]
    public async Task Schritt_WhenBodyIsNotAJsonObject_Returns400AndStoresNothing(string body, string detailBeginn)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.PostRohAsync($"/api/faelle/{id}/schritte", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
        problem.Detail().ShouldStartWith(detailBeginn);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    // ------------------------------------------------------------------ unknown properties, wrong types, enums as numbers

    [Theory]
    [InlineData("hobby", "\"Fußball\"", "$.hobby")]
    [InlineData("klient.spitzname", "\"Mina\"", "$.klient.spitzname")]
    [InlineData("klient.minderjaehrigeKinder", "\"eins\"", "$.klient.minderjaehrigeKinder")]
    [InlineData("klient.minderjaehrigeKinder", "1.5", "$.klient.minderjaehrigeKinder")]
    [InlineData("klient.minderjaehrigeKinder", "99999999999", "$.klient.minderjaehrigeKinder")]
    [InlineData("aufnahmedatum", "20261101", "$.aufnahmedatum")]
    [InlineData("aufnahmedatum", "\"01.11.2026\"", "$.aufnahmedatum")]
    [InlineData("aufenthaltsstatus", "0", "$.aufenthaltsstatus")]
    [InlineData("aufenthaltsstatus", "\"0\"", "$.aufenthaltsstatus")]
    [InlineData("aufenthaltsstatus", "\"Nix\"", "$.aufenthaltsstatus")]
    [InlineData("klient.geschlecht", "1", "$.klient.geschlecht")]
    [InlineData("einwilligungen.0.empfaenger", "0", "$.einwilligungen[0].empfaenger")]
    public async Task Aufnahme_WhenPropertyIsUnknownOrHasTheWrongType_Returns400NamingThePathAndStoresNothing(string pfad, string rohJson, string jsonPfad)
    {
        var body = Anfragen.AufnahmeJson().Setzen(pfad, rohJson).ToJsonString();
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostRohAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
        problem.Detail().ShouldBe($"{KeinGueltigesJson} (bei „{jsonPfad}“).");
        problem.Detail().ShouldNotContain("Kim.Casemanagement");
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("spur", "\"Nix\"", "$.spur")]
    [InlineData("spur", "0", "$.spur")]
    [InlineData("spur", "\"1\"", "$.spur")]
    [InlineData("spur", "null", "$.spur")]
    [InlineData("version", "\"zwei\"", "$.version")]
    [InlineData("version", "1.5", "$.version")]
    [InlineData("version", "2147483648", "$.version")]
    [InlineData("fachlichesDatum", "\"02.11.2026\"", "$.fachlichesDatum")]
    [InlineData("fachlichesDatum", "\"2026-11-31\"", "$.fachlichesDatum")]
    [InlineData("ausgefuehrtVon", "\"jemand\"", "$.ausgefuehrtVon")]
    [InlineData("parameter", "[\"schutzform\"]", "$.parameter")]
    [InlineData("parameter", "{\"gueltigBis\": 5}", "$.parameter.gueltigBis")]
    public async Task Schritt_WhenPropertyIsUnknownHasTheWrongTypeOrTrackIsUnknown_Returns400AndStoresNothing(string pfad, string rohJson, string jsonPfad)
    {
        var id = await _client.NeuerFallAsync();
        var body = SchrittJson("Prozess", "Klaeren", "2026-11-02").Setzen(pfad, rohJson).ToJsonString();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.PostRohAsync($"/api/faelle/{id}/schritte", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
        problem.Detail().ShouldBe($"{KeinGueltigesJson} (bei „{jsonPfad}“).");
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Prozess, Aufenthalt", "AsylSuchen")]
    [InlineData("Prozess,Bildung", "ErstberatungDurchfuehren")]
    public async Task Schritt_WhenTrackIsACommaList_Returns400AndStoresNothing(string spur, string trigger)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        using var response = await _client.PostRohAsync($"/api/faelle/{id}/schritte", SchrittJson(spur, trigger, "2026-11-02").ToJsonString());

        // A comma list is not a track: it must not silently become the OR of two enum values.
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().ShouldBe($"{KeinGueltigesJson} (bei „$.spur“).");
    }

    [Theory]
    [InlineData("aufenthaltsstatus", "KeinStatus, Asylgesuch")]
    [InlineData("leistungsstatus", "KeinLeistungsbezug, AsylbLG")]
    public async Task Aufnahme_WhenEnumIsACommaList_Returns400AndStoresNothing(string feld, string wert)
    {
        var body = Anfragen.AufnahmeJson().Setzen(feld, $"\"{wert}\"").ToJsonString();
        var vorher = await Datenbestand.ZeilenAsync(Db);

        using var response = await _client.PostRohAsync("/api/faelle", body);

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().ShouldBe($"{KeinGueltigesJson} (bei „$.{feld}“).");
    }

    // ------------------------------------------------------------------ triggers

    [Theory]
    [InlineData("Nix")]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("Klaeren,Verweisen")]
    [InlineData("Klaeren, Verweisen")]
    [InlineData("klaeren")]
    [InlineData("KLAEREN")]
    [InlineData("Aufnahme")]
    [InlineData("AsylSuchen")]
    [InlineData("Klaeren\\u0000")]
    [InlineData("Klae\\u0007ren")]
    [InlineData("\\u202EKlaeren")]
    public async Task Schritt_WhenTriggerIsUnknownOnTheTrack_Returns400WithTriggerErrorAndStoresNothing(string escapedTrigger)
    {
        var trigger = Anfragen.Zeichen(escapedTrigger);
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Prozess", trigger, "2026-11-02").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Die Eingaben sind ungültig.");
        problem.Detail().ShouldBe("Unbekannter Schritt.");
        problem.Fehlerfelder().ShouldBe(["trigger"]);
        problem.Fehler("trigger").ShouldBe([$"Den Schritt „{trigger}“ gibt es auf dieser Spur nicht."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("", "Der Schritt fehlt.")]
    [InlineData(null, "Der Schritt fehlt.")]
    [InlineData("K101", "Der Name des Schritts ist zu lang.")]
    public async Task Schritt_WhenTriggerIsMissingOrTooLong_Returns400WithTriggerErrorAndStoresNothing(string? trigger, string fehler)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);
        trigger = trigger == "K101" ? new string('K', 101) : trigger;

        var problem = await _client.SchrittAsync(id, "Prozess", trigger!, "2026-11-02").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(MarkierteAngaben);
        problem.Fehler("trigger").ShouldBe([fehler]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Prozess", "MonitoringBeginnen", "Anfrage")]
    [InlineData("Prozess", "Wiederaufnehmen", "Anfrage")]
    [InlineData("Aufenthalt", "AsylantragStellen", "KeinStatus")]
    [InlineData("Leistungen", "MassnahmeBeenden", "KeinLeistungsbezug")]
    [InlineData("Bildung", "StudiumAbschliessen", "KeineBeratung")]
    public async Task Schritt_WhenTriggerIsNotPermittedInTheCurrentState_Returns409NichtVorgesehenAndStoresNothing(string spur, string trigger, string zustand)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, spur, trigger, "2026-11-02").ProblemAsync(HttpStatusCode.Conflict);

        problem.Titel().ShouldBe("Schritt nicht möglich");
        problem.Detail().ShouldBe($"Der Schritt „{trigger}“ ist im Zustand „{zustand}“ nicht vorgesehen.");
        problem["spur"]!.GetValue<string>().ShouldBe(spur);
        problem["zustand"]!.GetValue<string>().ShouldBe(zustand);
        problem["trigger"]!.GetValue<string>().ShouldBe(trigger);
        problem["gruende"]!.AsArray().ShouldBeEmpty();
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    // ------------------------------------------------------------------ fachliches Datum

    [Theory]
    [InlineData("1990-01-01", "Das fachliche Datum liegt vor der Geburt der Person.")]
    [InlineData("1995-03-01", "Das fachliche Datum liegt vor der Geburt der Person.")]
    [InlineData("2099-01-01", "Das fachliche Datum darf nicht in der Zukunft liegen.")]
    [InlineData("9999-12-31", "Das fachliche Datum darf nicht in der Zukunft liegen.")]
    [InlineData("2026-10-31", "Das fachliche Datum liegt vor dem Beginn des aktuellen Zustands (01.11.2026).")]
    [InlineData("2000-01-01", "Das fachliche Datum liegt vor dem Beginn des aktuellen Zustands (01.11.2026).")]
    public async Task Schritt_WhenFachlichesDatumIsImplausible_Returns400WithFieldErrorAndStoresNothing(string datum, string fehler)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Prozess", "Klaeren", datum).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Die Eingaben sind ungültig.");
        problem.Detail().ShouldBe(fehler);
        problem.Fehlerfelder().ShouldBe(["fachlichesDatum"]);
        problem.Fehler("fachlichesDatum").ShouldBe([fehler]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Schritt_WhenFachlichesDatumIsTomorrowInBerlin_Returns400AndStoresNothing()
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var morgen = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime).AddDays(1);

        var problem = await _client.SchrittAsync(id, "Prozess", "Klaeren", morgen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("fachlichesDatum").ShouldBe(["Das fachliche Datum darf nicht in der Zukunft liegen."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Schritt_WhenFachlichesDatumIsBeforeTheSinceDateOfTheStateReachedByAStep_Returns400AndStoresNothing()
    {
        var id = await _client.NeuerFallAsync();
        await _client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-05").OkAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Prozess", "AssessmentBeginnen", "2026-11-04").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("fachlichesDatum").ShouldBe(["Das fachliche Datum liegt vor dem Beginn des aktuellen Zustands (05.11.2026)."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
        vorher.Prozess.ShouldBe("Klaerung");
    }

    // ------------------------------------------------------------------ oversized bodies

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Aufnahme_WhenBodyExceeds256KiB_Returns413ProblemStoresNothingAndTheAppKeepsServing(bool chunked)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);
        var body = Anfragen.AufnahmeJson().Setzen("notiz", $"\"{new string('a', 300 * 1024)}\"").ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/faelle") { Content = Inhalt(body, chunked) };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await _client.SendAsync(request);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
        (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await _client.NeuerFallAsync();
        (await _client.FallAsync(id))["version"]!.GetValue<int>().ShouldBe(1);

        problem.Titel().ShouldBe("Anfrage zu groß");
        problem.Detail().ShouldBe("Der Inhalt der Anfrage ist zu groß.");
    }

    [Fact]
    public async Task Schritt_WhenBodyExceeds256KiB_Returns413ProblemStoresNothingAndTheAppKeepsServing()
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);
        var body = SchrittJson("Prozess", "Klaeren", "2026-11-02").Setzen("notiz", $"\"{new string('n', 257 * 1024)}\"").ToJsonString();

        using var response = await _client.PostRohAsync($"/api/faelle/{id}/schritte", body);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
        await _client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        (await Datenbestand.FallAsync(Db, id)).Prozess.ShouldBe("Klaerung");

        problem.Titel().ShouldBe("Anfrage zu groß");
        problem.Detail().ShouldBe("Der Inhalt der Anfrage ist zu groß.");
    }

    // ------------------------------------------------------------------ names

    [Theory]
    [InlineData("vorname", "Amina\\u0000")]
    [InlineData("vorname", "Am\\u0007ina")]
    [InlineData("vorname", "\\u202EAnima")]
    [InlineData("vorname", "Amina\\u001B[31m")]
    [InlineData("nachname", "Haddad\\u0000")]
    [InlineData("nachname", "Had\\u0007dad")]
    [InlineData("nachname", "\\u202Edaddah")]
    [InlineData("vorname", "Amina2")]
    [InlineData("nachname", "R2D2")]
    [InlineData("vorname", "<script>")]
    [InlineData("nachname", "<script>alert(1)</script>")]
    [InlineData("vorname", "Amina;DROP TABLE klienten")]
    [InlineData("vorname", "")]
    [InlineData("nachname", "   ")]
    [InlineData("nachname", "--")]
    public async Task Aufnahme_WhenNameIsNotAPlausibleName_Returns400WithFieldErrorAndStoresNothing(string feld, string escapedWert)
    {
        var wert = Anfragen.Zeichen(escapedWert);
        var body = Anfragen.AufnahmeJson();
        body["klient"]![feld] = wert;
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Die Eingaben sind ungültig.");
        problem.Detail().ShouldBe(PersonUngueltig);
        problem.Fehlerfelder().ShouldBe([feld]);
        problem.Fehler(feld).ShouldBe([feld == "vorname" ? VornameRegel : NachnameRegel]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Aufnahme_WhenFirstNameHas10000Characters_Returns400WithFieldErrorAndStoresNothing()
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", TestApi.Aufnahme(vorname: new string('A', 10_000))).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(PersonUngueltig);
        problem.Fehler("vorname").ShouldBe([VornameRegel]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Syrien\\u0000")]
    [InlineData("\\u202ESyrien")]
    [InlineData("963")]
    public async Task Aufnahme_WhenCountryOfOriginIsNotText_Returns400WithFieldErrorAndStoresNothing(string escapedWert)
    {
        var body = Anfragen.AufnahmeJson();
        body["klient"]!["herkunftsland"] = Anfragen.Zeichen(escapedWert);
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("herkunftsland").ShouldBe(["Das Herkunftsland muss angegeben werden (nur Buchstaben)."]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("محمد", "الأحمد")]
    [InlineData("ሰላም", "ተስፋይ")]
    [InlineData("Олександр", "Шевченко")]
    [InlineData("مهر\\u200Cنوش", "رضایی")]
    [InlineData("Zoë", "N'Diaye-Müller")]
    public async Task Aufnahme_WhenNameIsInANonLatinScript_Returns201AndReturnsAndStoresItUnchanged(string escapedVorname, string nachname)
    {
        var vorname = Anfragen.Zeichen(escapedVorname);
        vorname.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();

        using var response = await _client.PostAsJsonAsync("/api/faelle", TestApi.Aufnahme(vorname: vorname, nachname: nachname));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = JsonNode.Parse(body)!["fallId"]!.GetValue<Guid>();
        var klient = (await _client.FallAsync(id))["klient"]!;
        klient["vorname"]!.GetValue<string>().ShouldBe(vorname);
        klient["nachname"]!.GetValue<string>().ShouldBe(nachname);
        (await KlientNameAsync(id)).ShouldBe([vorname, nachname]);
    }

    [Fact]
    public async Task Aufnahme_WhenNameIsDecomposed_StoresAndReturnsItComposedAsNfc()
    {
        const string zerlegt = "Mu\u0308ller";

        var id = await _client.NeuerFallAsync(TestApi.Aufnahme(nachname: zerlegt));

        var nachname = (await _client.FallAsync(id))["klient"]!["nachname"]!.GetValue<string>();
        nachname.ShouldBe("M\u00fcller");
        (await KlientNameAsync(id))[1].ShouldBe("M\u00fcller");
    }

    // ------------------------------------------------------------------ notes

    [Theory]
    [InlineData("Termin\\u0000vereinbart")]
    [InlineData("Termin \\u0007 vereinbart")]
    [InlineData("\\u202Etrahcsebrev nimreT")]
    [InlineData("Termin \\u001B[2J vereinbart")]
    [InlineData("Termin \\u0085 vereinbart")]
    public async Task Notiz_WhenTextContainsControlCharacters_Returns400WithFieldErrorAndStoresNothing(string escapedText)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = Anfragen.Zeichen(escapedText) })
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("Die Notiz ist leer, zu lang oder enthält Steuerzeichen.");
        problem.Fehler("text").ShouldBe(["1 bis 4000 Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Termin\\u0000vereinbart")]
    [InlineData("Termin \\u0007 vereinbart")]
    [InlineData("\\u202Etrahcsebrev nimreT")]
    public async Task Schritt_WhenNoteContainsControlCharacters_Returns400WithFieldErrorAndStoresNothing(string escapedNotiz)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);
        var body = new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02", notiz = Anfragen.Zeichen(escapedNotiz) };

        var problem = await _client.PostAsJsonAsync($"/api/faelle/{id}/schritte", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("Die Notiz ist zu lang oder enthält Steuerzeichen.");
        problem.Fehler("notiz").ShouldBe(["Höchstens 4000 Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Erstkontakt\\u0000")]
    [InlineData("Erst\\u202Ekontakt")]
    public async Task Aufnahme_WhenNoteContainsControlCharacters_Returns400WithFieldErrorAndStoresNothing(string escapedNotiz)
    {
        var body = Anfragen.AufnahmeJson();
        body["notiz"] = Anfragen.Zeichen(escapedNotiz);
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("notiz").ShouldBe(["Höchstens 4000 Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht."]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Notiz_WhenTextHasLineBreaksAndTabs_IsStoredAndReturnedAsWritten()
    {
        const string text = "Erstgespräch:\r\n\tDeutschkurs gewünscht.\nTermin folgt.";
        var id = await _client.NeuerFallAsync();

        var erstellt = await _client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text }).OkAsync();

        erstellt["text"]!.GetValue<string>().ShouldBe(text);
        var notizen = (await _client.GetAsync($"/api/faelle/{id}/notizen").OkAsync()).AsArray();
        notizen.Select(n => n!["text"]!.GetValue<string>()).ShouldBe([text]);
        (await Datenbestand.TexteAsync(Db, "SELECT text FROM notizen WHERE fall_id = $1", id)).ShouldBe([text]);
    }

    [Fact]
    public async Task Schritt_WhenNoteHasLineBreaksAndTabs_StoresTheNoteWithTheEvent()
    {
        const string notiz = "Anruf Ausländerbehörde:\r\n\tUnterlagen vollständig.";
        var id = await _client.NeuerFallAsync();

        using var response = await _client.PostAsJsonAsync($"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02", notiz });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ereignisse = (await _client.GetAsync($"/api/faelle/{id}/ereignisse").OkAsync()).AsArray();
        ereignisse[^1]!["notiz"]!.GetValue<string>().ShouldBe(notiz);
        (await Datenbestand.TexteAsync(Db, "SELECT notiz FROM fall_ereignisse WHERE fall_id = $1 AND trigger = 'Klaeren'", id)).ShouldBe([notiz]);
    }

    [Fact]
    public async Task Notiz_WhenTextIsScriptMarkup_IsAcceptedStoredAsTextAndReturnedVerbatimAsJsonString()
    {
        const string text = "<script>alert(1)</script>";
        var id = await _client.NeuerFallAsync();

        using var erstellt = await _client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text });
        erstellt.StatusCode.ShouldBe(HttpStatusCode.Created, await erstellt.Content.ReadAsStringAsync());

        using var response = await _client.GetAsync($"/api/faelle/{id}/notizen");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var notizen = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        notizen.Count.ShouldBe(1);
        notizen[0]!["text"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);
        notizen[0]!["text"]!.GetValue<string>().ShouldBe(text);
        (await Datenbestand.TexteAsync(Db, "SELECT text FROM notizen WHERE fall_id = $1", id)).ShouldBe([text]);
    }

    // ------------------------------------------------------------------ step parameters

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("{\"schutzform\": null}")]
    [InlineData("{\"schutzform\": \"   \"}")]
    public async Task Schritt_WhenRequiredParameterIsMissing_Returns400WithParameterErrorAndStoresNothing(string? parameterJson)
    {
        var id = await _client.NeuerFallAsync(TestApi.Aufnahme(aufenthaltsstatus: "Aufenthaltsgestattung"));
        var vorher = await Datenbestand.FallAsync(Db, id);
        var body = SchrittJson("Aufenthalt", "Anerkennen", "2026-11-10");
        if (parameterJson is not null)
        {
            body.Setzen("parameter", parameterJson);
        }

        var problem = await _client.PostRohAsync($"/api/faelle/{id}/schritte", body.ToJsonString()).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(SchrittUngueltig);
        problem.Fehlerfelder().ShouldBe(["parameter.schutzform"]);
        problem.Fehler("parameter.schutzform").ShouldBe(["„Schutzform“ ist für diesen Schritt erforderlich."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);

        // The same step with the parameter is possible: the refusal was about the parameter alone.
        await _client.SchrittAsync(id, "Aufenthalt", "Anerkennen", "2026-11-10", new { schutzform = "Fluechtlingseigenschaft" }).OkAsync();
        (await Datenbestand.FallAsync(Db, id)).Aufenthalt.ShouldBe("Schutzstatus");
    }

    [Fact]
    public async Task Schritt_WhenParameterNameIsUnknown_Returns400WithParameterErrorAndStoresNothing()
    {
        var id = await _client.NeuerFallAsync(TestApi.Aufnahme(aufenthaltsstatus: "Aufenthaltsgestattung"));
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Aufenthalt", "Anerkennen", "2026-11-10", new Dictionary<string, string> { ["schutzform"] = "Fluechtlingseigenschaft", ["farbe"] = "blau" })
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(SchrittUngueltig);
        problem.Fehlerfelder().ShouldBe(["parameter.farbe"]);
        problem.Fehler("parameter.farbe").ShouldBe(["Der Schritt „Schutzstatus zuerkannt (Anerkennung)“ kennt keinen Parameter „farbe“."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Unbekannt")]
    [InlineData("1")]
    [InlineData("fluechtlingseigenschaft")]
    public async Task Schritt_WhenChoiceParameterHasUnknownValue_Returns400WithParameterErrorAndStoresNothing(string schutzform)
    {
        var id = await _client.NeuerFallAsync(TestApi.Aufnahme(aufenthaltsstatus: "Aufenthaltsgestattung"));
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Aufenthalt", "Anerkennen", "2026-11-10", new { schutzform }).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("parameter.schutzform").Single().ShouldStartWith("„Schutzform“ muss einer dieser Werte sein: ");
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("11.11.2029")]
    [InlineData("2029-02-30")]
    [InlineData("2029-11-11T00:00:00")]
    [InlineData("morgen")]
    public async Task Schritt_WhenDateParameterIsMalformed_Returns400WithParameterErrorAndStoresNothing(string gueltigBis)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Aufenthalt", "SonstigeAufenthaltserlaubnisErteilen", "2026-11-10", new { rechtsgrundlage = "§ 18a AufenthG", gueltigBis })
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(SchrittUngueltig);
        problem.Fehlerfelder().ShouldBe(["parameter.gueltigBis"]);
        problem.Fehler("parameter.gueltigBis").ShouldBe(["„Gültig bis“ muss ein Datum im Format JJJJ-MM-TT sein."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("§ 18a\\u0000 AufenthG")]
    [InlineData("§ 18a\\u0007 AufenthG")]
    [InlineData("\\u202E§ 18a AufenthG")]
    [InlineData("§ 18a\\r\\nAufenthG")]
    public async Task Schritt_WhenTextParameterContainsControlCharacters_Returns400WithParameterErrorAndStoresNothing(string escapedRechtsgrundlage)
    {
        var id = await _client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _client.SchrittAsync(id, "Aufenthalt", "SonstigeAufenthaltserlaubnisErteilen", "2026-11-10", new { rechtsgrundlage = Anfragen.Zeichen(escapedRechtsgrundlage), gueltigBis = "2029-11-11" })
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler("parameter.rechtsgrundlage").ShouldBe(["„Rechtsgrundlage (z. B. § 18a AufenthG)“ ist zu lang oder enthält Steuerzeichen."]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    // ------------------------------------------------------------------ intake: consent, start states, other fields

    [Fact]
    public async Task Aufnahme_WhenConsentNamesNoDataCategory_Returns400AndStoresNothing()
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);
        var body = Anfragen.AufnahmeJson().Setzen("einwilligungen.0.datenkategorien", "[]");

        var problem = await _client.PostAsJsonAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe(MarkierteAngaben);
        problem.Fehlerfelder().ShouldBe(["einwilligungen[0].datenkategorien"]);
        problem.Fehler("einwilligungen[0].datenkategorien").ShouldBe(["Mindestens eine Datenkategorie ist anzugeben (Pauschaleinwilligungen sind unwirksam)."]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Aufnahme_WhenConsentNamesOnlyTheEmptyCategory_Returns400AndStoresNothing()
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);
        var body = Anfragen.AufnahmeJson().Setzen("einwilligungen.0.datenkategorien", "[\"Keine\"]");

        var problem = await _client.PostAsJsonAsync("/api/faelle", body).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("Die Einwilligung ist unvollständig oder ungültig.");
        problem.Fehler("datenkategorien").ShouldBe(["Eine Einwilligung muss mindestens eine bekannte Datenkategorie benennen (Pauschaleinwilligungen sind unwirksam)."]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Aufnahme_WhenConsentListHoldsNull_Returns400AndStoresNothing()
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);
        var body = Anfragen.AufnahmeJson().Setzen("einwilligungen", "[null]");

        using var response = await _client.PostAsJsonAsync("/api/faelle", body);

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Titel().ShouldNotBe("Interner Fehler");
    }

    [Theory]
    [InlineData("aufenthaltsstatus", "Eingebuergert", "Mit „Eingebürgert (§ 10 StAG)“ kann ein Fall nicht beginnen.")]
    [InlineData("aufenthaltsstatus", "Ausgereist", "Mit „Ausgereist“ kann ein Fall nicht beginnen.")]
    [InlineData("aufenthaltsstatus", "Asylverfahren", null)]
    [InlineData("aufenthaltsstatus", "Geduldet", null)]
    public async Task Aufnahme_WhenStartStateIsNotAStartState_Returns400WithFieldErrorAndStoresNothing(string feld, string zustand, string? fehler)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", Anfragen.AufnahmeJson().Setzen(feld, $"\"{zustand}\"")).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("Die Angaben zur Aufnahme sind ungültig.");
        problem.Fehlerfelder().ShouldBe([feld]);
        var meldung = problem.Fehler(feld).Single();
        meldung.ShouldStartWith("Mit „");
        meldung.ShouldEndWith("“ kann ein Fall nicht beginnen.");
        if (fehler is not null)
        {
            meldung.ShouldBe(fehler);
        }

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("klient", "null", "klient", "Die Angaben zur Person fehlen.")]
    [InlineData("aufnahmedatum", "\"0001-01-01\"", "aufnahmedatum", "Das Aufnahmedatum fehlt.")]
    [InlineData("aufnahmedatum", "\"2099-01-01\"", "aufnahmedatum", "Das Datum darf nicht in der Zukunft liegen.")]
    [InlineData("aufnahmedatum", "\"1990-01-01\"", "aufnahmedatum", "Das Aufnahmedatum liegt vor der Geburt.")]
    [InlineData("klient.geburtsdatum", "\"2099-01-01\"", "geburtsdatum", "Das Geburtsdatum muss in der Vergangenheit liegen und darf höchstens 120 Jahre zurückliegen.")]
    [InlineData("klient.geburtsdatum", "\"1800-01-01\"", "geburtsdatum", "Das Geburtsdatum muss in der Vergangenheit liegen und darf höchstens 120 Jahre zurückliegen.")]
    [InlineData("klient.minderjaehrigeKinder", "-1", "minderjaehrigeKinder", "Die Zahl der minderjährigen Kinder muss zwischen 0 und 30 liegen.")]
    [InlineData("klient.einreisedatum", "\"1990-01-01\"", "einreisedatum", "Das Einreisedatum muss zwischen Geburtsdatum und heute liegen.")]
    public async Task Aufnahme_WhenDateOrNumberIsImplausible_Returns400WithFieldErrorAndStoresNothing(string pfad, string rohJson, string feld, string fehler)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.PostAsJsonAsync("/api/faelle", Anfragen.AufnahmeJson().Setzen(pfad, rohJson)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehler(feld).ShouldBe([fehler]);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("fm\\u0000anna")]
    [InlineData("\\u0000")]
    public async Task Aufnahme_WhenCaseManagerIdContainsNul_Returns400AndStoresNothing(string escapedId)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);
        var body = Anfragen.AufnahmeJson();
        body["fallmanagerId"] = Anfragen.Zeichen(escapedId);

        using var response = await _client.PostAsJsonAsync("/api/faelle", body);

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Fehlerfelder().ShouldBe(["fallmanagerId"]);
    }

    // ------------------------------------------------------------------ query string of the caseload list

    [Theory]
    [InlineData("groesse=0", "groesse", "Die Seitengröße muss zwischen 1 und 200 liegen.")]
    [InlineData("groesse=1000", "groesse", "Die Seitengröße muss zwischen 1 und 200 liegen.")]
    [InlineData("groesse=-5", "groesse", "Die Seitengröße muss zwischen 1 und 200 liegen.")]
    [InlineData("seite=0", "seite", "Die Seite muss zwischen 1 und 100000 liegen.")]
    [InlineData("sortierung=alter", "sortierung", "Sortierung muss eine von aktenzeichen, name, geaendert, wiedervorlage sein.")]
    [InlineData("sortierung=Name", "sortierung", "Sortierung muss eine von aktenzeichen, name, geaendert, wiedervorlage sein.")]
    [InlineData("phase=Nix", "phase", "„Nix“ ist kein bekannter Zustand.")]
    [InlineData("phase=3", "phase", "„3“ ist kein bekannter Zustand.")]
    [InlineData("phase=Anfrage,Klaerung", "phase", "„Anfrage,Klaerung“ ist kein bekannter Zustand.")]
    [InlineData("spur=Nix&zustand=Anfrage", "spur", "Unbekannte Spur.")]
    [InlineData("spur=2&zustand=Sgb2", "spur", "Unbekannte Spur.")]
    [InlineData("spur=Prozess", "zustand", "Zum Spurfilter gehört ein Zustand.")]
    [InlineData("spur=Prozess&zustand=Nix", "zustand", "„Nix“ ist kein bekannter Zustand.")]
    [InlineData("ohneKontaktSeitTagen=-1", "ohneKontaktSeitTagen", "Die Tage ohne Kontakt müssen zwischen 0 und 3650 liegen.")]
    public async Task Suche_WhenQueryValueIsInvalid_Returns400WithFieldError(string query, string feld, string fehler)
    {
        var problem = await _client.GetAsync($"/api/faelle?{query}").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Die Eingaben sind ungültig.");
        problem.Fehlerfelder().ShouldBe([feld]);
        problem.Fehler(feld).ShouldBe([fehler]);
    }

    [Fact]
    public async Task Suche_WhenTrackFilterIsACommaList_Returns400WithFieldError()
    {
        // A comma list is not a track: it must not silently filter on the OR of two enum values.
        var problem = await _client.GetAsync("/api/faelle?spur=Prozess,Aufenthalt&zustand=KeinStatus").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["spur"]);
        problem.Fehler("spur").Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Suche_WhenSearchTextContainsControlCharacters_Returns400NamingTheQueryParameter()
    {
        var problem = await _client.GetAsync("/api/faelle?suche=Amina%00").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["suche"]);
        problem.Fehler("suche").ShouldBe(["Der Suchtext enthält Steuerzeichen."]);
    }

    [Theory]
    [InlineData("groesse=abc")]
    [InlineData("seite=1.5")]
    [InlineData("absteigend=vielleicht")]
    [InlineData("faelligeWiedervorlagen=ja")]
    [InlineData("ohneKontaktSeitTagen=99999999999")]
    public async Task Suche_WhenQueryValueHasTheWrongType_Returns400(string query)
    {
        var problem = await _client.GetAsync($"/api/faelle?{query}").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Titel().ShouldBe("Fehlerhafte Anfrage");
        problem.Detail().ShouldBe(UnvollstaendigeAnfrage);
    }

    // ------------------------------------------------------------------ routes, methods, unknown ids

    [Theory]
    [InlineData("/api/gibtsnicht")]
    [InlineData("/api/faelle/keine-guid")]
    [InlineData("/api/faelle/00000000-0000-0000-0000-00000000000g")]
    [InlineData("/api/faelle/0b1a1c0e-1111-4222-8333-944455556666/gibtsnicht")]
    public async Task Route_WhenUnknown_Returns404Problem(string pfad)
    {
        await _client.GetAsync(pfad).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("DELETE", "/api/faelle")]
    [InlineData("PUT", "/api/faelle")]
    [InlineData("DELETE", "/api/faelle/0b1a1c0e-1111-4222-8333-944455556666")]
    [InlineData("GET", "/api/faelle/0b1a1c0e-1111-4222-8333-944455556666/schritte")]
    [InlineData("POST", "/api/spuren/Prozess/diagramm")]
    public async Task Route_WhenMethodIsNotAllowed_Returns405ProblemAndStoresNothing(string methode, string pfad)
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        await _client.SendenRohAsync(new HttpMethod(methode), pfad, "{}").ProblemAsync(HttpStatusCode.MethodNotAllowed);

        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/ereignisse")]
    [InlineData("/notizen")]
    public async Task Fall_WhenIdIsUnknown_Returns404InGerman(string unterpfad)
    {
        var problem = await _client.GetAsync($"/api/faelle/{Guid.NewGuid()}{unterpfad}").ProblemAsync(HttpStatusCode.NotFound);

        problem.Titel().ShouldBe("Nicht gefunden");
        problem.Detail().ShouldBe("Der Fall wurde nicht gefunden.");
    }

    [Fact]
    public async Task Schritt_WhenFallIdIsUnknown_Returns404InGermanAndStoresNothing()
    {
        var vorher = await Datenbestand.ZeilenAsync(Db);

        var problem = await _client.SchrittAsync(Guid.NewGuid(), "Prozess", "Klaeren", "2026-11-02").ProblemAsync(HttpStatusCode.NotFound);

        problem.Detail().ShouldBe("Der Fall wurde nicht gefunden.");
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("Nix")]
    [InlineData("1")]
    [InlineData("prozess")]
    public async Task Diagramm_WhenTrackIsUnknown_Returns404InGerman(string spur)
    {
        var problem = await _client.GetAsync($"/api/spuren/{spur}/diagramm").ProblemAsync(HttpStatusCode.NotFound);

        problem.Titel().ShouldBe("Nicht gefunden");
        problem.Detail().ShouldBe($"Die Spur „{spur}“ gibt es nicht.");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("MERMAID")]
    [InlineData("")]
    public async Task Diagramm_WhenFormatIsUnknown_Returns400WithFieldError(string format)
    {
        var problem = await _client.GetAsync($"/api/spuren/Prozess/diagramm?format={format}").ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("Unbekanntes Format.");
        problem.Fehler("format").ShouldBe(["Erlaubt sind mermaid und dot."]);
    }

    // ------------------------------------------------------------------ an unexpected error

    [Fact]
    public async Task UnerwarteterFehler_WhenTheDatabaseRefuses_Returns500WithoutExceptionDetails()
    {
        // A private database, so that tampering with privileges cannot disturb the other tests.
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("fehler500");
        await using var factory = new KimWebFactory(KimWebFactory.FuerDatenbank(datenbank.AppConnectionString, datenbank.OwnerConnectionString));
        factory.StartServer();
        using var client = await factory.AngemeldetAsync(await factory.KontoAsync("fm.fehler", Rolle.Fallmanagement, "Team A"));
        var id = await client.NeuerFallAsync();
        await Datenbestand.AusfuehrenAsync(datenbank.SuperuserConnectionString, "REVOKE SELECT ON notizen FROM kim_anwendung");

        using var response = await client.GetAsync($"/api/faelle/{id}/notizen");
        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);

        problem.Titel().ShouldBe("Interner Fehler");
        problem.Detail().ShouldBe("Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.");
        problem["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["detail", "status", "title", "traceId", "type"]);
        foreach (var verraeterisch in (string[])["Exception", "Npgsql", "Postgres", "permission", "notizen", "kim_", " at ", "SELECT", ".cs"])
        {
            body.ShouldNotContain(verraeterisch, Case.Insensitive);
        }

        // The app stays usable for everything else.
        (await client.FallAsync(id))["version"]!.GetValue<int>().ShouldBe(1);
    }

    private static JsonObject SchrittJson(string spur, string trigger, string datum) =>
        new() { ["spur"] = spur, ["trigger"] = trigger, ["fachlichesDatum"] = datum };

    private static HttpContent Inhalt(string body, bool chunked)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<List<string?>> KlientNameAsync(Guid fallId) =>
        [
            .. await Datenbestand.TexteAsync(Db, "SELECT k.vorname FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = $1", fallId),
            .. await Datenbestand.TexteAsync(Db, "SELECT k.nachname FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = $1", fallId),
        ];
}
