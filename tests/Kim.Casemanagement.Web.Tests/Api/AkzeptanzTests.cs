using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>The acceptance flow, through the HTTP API alone.</summary>
public sealed class AkzeptanzTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Fall_WhenTakenThroughAssessmentAndRecognition_LeistungenShowsRechtskreiswechselDue()
    {
        var id = await _client.NeuerFallAsync();

        await _client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        await _client.SchrittAsync(id, "Prozess", "AssessmentBeginnen", "2026-11-03").OkAsync();
        await _client.SchrittAsync(id, "Aufenthalt", "AsylSuchen", "2026-11-03").OkAsync();
        await _client.SchrittAsync(id, "Aufenthalt", "AnkunftsnachweisAusstellen", "2026-11-04").OkAsync();
        await _client.SchrittAsync(id, "Aufenthalt", "AsylantragStellen", "2026-11-05").OkAsync();
        await _client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05").OkAsync();
        var anerkennung = await _client.SchrittAsync(id, "Aufenthalt", "Anerkennen", "2026-11-10", new { schutzform = "Fluechtlingseigenschaft" }).OkAsync();
        await _client.SchrittAsync(id, "Aufenthalt", "AufenthaltserlaubnisErteilen", "2026-11-12", new { gueltigBis = "2029-11-11" }).OkAsync();

        // Recognition made the Rechtskreiswechsel due in the same change: the follow-up event was caused by it.
        var ereignisse = anerkennung["ereignisse"]!.AsArray();
        ereignisse.Count.ShouldBe(2);
        ereignisse[1]!["spur"]!.GetValue<string>().ShouldBe("Leistungen");
        ereignisse[1]!["nachZustand"]!.GetValue<string>().ShouldBe("RechtskreiswechselFaellig");
        ereignisse[1]!["ausgeloestDurch"]!.GetValue<int>().ShouldBe(ereignisse[0]!["nr"]!.GetValue<int>());

        var fall = await _client.FallAsync(id);
        fall.Spur("Prozess")["zustand"]!.GetValue<string>().ShouldBe("Assessment");
        fall.Spur("Aufenthalt")["zustand"]!.GetValue<string>().ShouldBe("AufenthaltserlaubnisSchutz");
        fall.Spur("Leistungen")["zustand"]!.GetValue<string>().ShouldBe("RechtskreiswechselFaellig");
        fall.Spur("Leistungen")["zustandBezeichnung"]!.GetValue<string>().ShouldBe("Rechtskreiswechsel fällig");
        fall["wiedervorlagen"]!.AsArray().Select(w => w!["art"]!.GetValue<string>()).ShouldContain("Rechtskreiswechsel");
    }

    [Fact]
    public async Task Qualifizierung_WhenLiteracyCourseStillNeeded_IsRefusedWith409AndTheSameReasonIsListedAsBlocked()
    {
        var id = await _client.NeuerFallAsync();
        await _client.SchrittAsync(id, "Bildung", "ErstberatungDurchfuehren", "2026-11-02").OkAsync();
        await _client.SchrittAsync(id, "Bildung", "SprachstandFeststellen", "2026-11-03", new { sprachniveau = "B1", alphabetisierungNoetig = "true" }).OkAsync();

        using var response = await _client.SchrittAsync(id, "Bildung", "QualifizierungBeginnen", "2026-11-04");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        const string grund = "Keine Qualifizierungsmaßnahme, solange noch ein Alphabetisierungskurs nötig ist (Kompetenzprofil).";
        problem["gruende"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe([grund]);
        problem["detail"]!.GetValue<string>().ShouldContain(grund);

        var bildung = (await _client.FallAsync(id)).Spur("Bildung");
        var blockiert = bildung["blockierteSchritte"]!.AsArray().Single(s => s!["trigger"]!.GetValue<string>() == "QualifizierungBeginnen")!;
        blockiert["gruende"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldContain(grund);
        bildung["zustand"]!.GetValue<string>().ShouldBe("SprachstandFestgestellt");
    }

    [Fact]
    public async Task Ereignisse_AfterSteps_ListEveryEventInOrderWithDatesActorAndGermanLabels()
    {
        var id = await _client.NeuerFallAsync();
        await _client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();

        var ereignisse = (await _client.GetAsync($"/api/faelle/{id}/ereignisse").OkAsync()).AsArray();

        ereignisse.Select(e => e!["nr"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5]);
        ereignisse.Take(4).Select(e => e!["trigger"]!.GetValue<string>()).ShouldAllBe(t => t == "Aufnahme");
        var letztes = ereignisse[4]!;
        letztes["spur"]!.GetValue<string>().ShouldBe("Prozess");
        letztes["vonZustand"]!.GetValue<string>().ShouldBe("Anfrage");
        letztes["nachBezeichnung"]!.GetValue<string>().ShouldBe("Klärung");
        letztes["fachlichesDatum"]!.GetValue<string>().ShouldBe("2026-11-02");
        letztes["akteur"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("Prozess")]
    [InlineData("Aufenthalt")]
    [InlineData("Leistungen")]
    [InlineData("Bildung")]
    [InlineData("Ueberleitung")]
    public async Task Diagramm_ForEachTrack_IsMermaidGeneratedFromTheEngine(string spur)
    {
        using var response = await _client.GetAsync($"/api/spuren/{spur}/diagramm");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldStartWith("stateDiagram-v2\n");
        text.ShouldContain("-->");
    }

    [Fact]
    public async Task Health_WhenDatabaseMigrated_LiveAndReadyAnswer200()
    {
        (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheCaseEndpointsAndTheBrowsableUiIsServed()
    {
        var doc = await _client.GetAsync("/openapi/v1.json").OkAsync();
        var pfade = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        pfade.ShouldContain("/api/faelle");
        pfade.ShouldContain("/api/faelle/{fallId}");
        pfade.ShouldContain("/api/faelle/{fallId}/schritte");
        pfade.ShouldContain("/api/faelle/{fallId}/ereignisse");
        pfade.ShouldContain("/api/spuren/{spur}/diagramm");

        using var ui = await _client.GetAsync("/api-doku/index.html");
        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
