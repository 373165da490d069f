using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Xunit.Abstractions;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// Optimistic concurrency over HTTP: two writes on one Fall at the same moment, stale and current If-Match headers,
/// ETags. The database must hold exactly the accepted writes.
/// </summary>
public sealed class NebenlaeufigkeitTests(ApiFixture api, ITestOutputHelper ausgabe) : IClassFixture<ApiFixture>
{
    private const int Runden = 20;
    private const int EreignisseNachAufnahme = 4;
    private const string Konflikt = "Der Fall wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu und wiederholen Sie den Schritt.";

    // Two clients, each with its own warm connection, so that both requests really leave at the same moment.
    private readonly HttpClient _a = api.Client;
    private readonly HttpClient _b = api.ZweiterClient;

    private string Db => api.Database.SuperuserConnectionString;

    [Fact]
    public async Task ZweiSchritte_WhenSentAtTheSameMomentWithTheSameVersion_ExactlyOneIsStoredAndTheOtherGets409()
    {
        await AufwaermenAsync();
        for (var runde = 1; runde <= Runden; runde++)
        {
            var id = await _a.NeuerFallAsync();

            var (antwortA, antwortB) = await GleichzeitigAsync(
                _a, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02", version = 1 }),
                _b, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Bildung", trigger = "ErstberatungDurchfuehren", fachlichesDatum = "2026-11-02", version = 1 }));

            using (antwortA)
            using (antwortB)
            {
                var status = new[] { antwortA.StatusCode, antwortB.StatusCode };
                string.Join(", ", status.Order()).ShouldBe("OK, Conflict", $"Runde {runde}");
                var (gewinner, verlierer, gewinnerTrigger, verliererTrigger) = antwortA.StatusCode == HttpStatusCode.OK
                    ? (antwortA, antwortB, "Klaeren", "ErstberatungDurchfuehren")
                    : (antwortB, antwortA, "ErstberatungDurchfuehren", "Klaeren");

                var problem = await verlierer.ProblemAsync(HttpStatusCode.Conflict);
                problem.Titel().ShouldBe("Bearbeitungskonflikt");
                problem.Detail().ShouldBe(Konflikt);

                var ergebnis = JsonNode.Parse(await gewinner.Content.ReadAsStringAsync())!;
                ergebnis["version"]!.GetValue<int>().ShouldBe(2);
                gewinner.Headers.ETag!.Tag.ShouldBe("\"2\"");

                var stand = await Datenbestand.FallAsync(Db, id);
                stand.Version.ShouldBe(2, $"Runde {runde}");
                stand.EreignisAnzahl.ShouldBe(EreignisseNachAufnahme + 1);
                stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + 1, $"Runde {runde}");
                var trigger = await Datenbestand.TriggerAsync(Db, id);
                trigger[^1].ShouldBe(gewinnerTrigger);
                trigger.ShouldNotContain(verliererTrigger);
            }
        }
    }

    [Fact]
    public async Task ZweiSchritte_WhenSentAtTheSameMomentWithoutVersion_EveryAcceptedStepIsStoredExactlyOnce()
    {
        await AufwaermenAsync();
        var kollisionen = 0;
        for (var runde = 1; runde <= Runden; runde++)
        {
            var id = await _a.NeuerFallAsync();

            var (antwortA, antwortB) = await GleichzeitigAsync(
                _a, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02" }),
                _b, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Bildung", trigger = "ErstberatungDurchfuehren", fachlichesDatum = "2026-11-02" }));

            using (antwortA)
            using (antwortB)
            {
                var angenommen = 0;
                foreach (var antwort in (HttpResponseMessage[])[antwortA, antwortB])
                {
                    if (antwort.StatusCode == HttpStatusCode.OK)
                    {
                        angenommen++;
                    }
                    else
                    {
                        (await antwort.ProblemAsync(HttpStatusCode.Conflict)).Detail().ShouldBe(Konflikt);
                    }
                }

                angenommen.ShouldBeGreaterThanOrEqualTo(1, $"Runde {runde}");
                kollisionen += 2 - angenommen;
                var stand = await Datenbestand.FallAsync(Db, id);
                stand.Version.ShouldBe(1 + angenommen, $"Runde {runde}");
                stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + angenommen, $"Runde {runde}");
                stand.EreignisAnzahl.ShouldBe(EreignisseNachAufnahme + angenommen);
                var nummern = (await _a.GetAsync($"/api/faelle/{id}/ereignisse").OkAsync()).AsArray().Select(e => e!["nr"]!.GetValue<int>());
                nummern.ShouldBe(Enumerable.Range(1, EreignisseNachAufnahme + angenommen));
                (stand.Prozess == "Klaerung").ShouldBe(antwortA.StatusCode == HttpStatusCode.OK);
                (stand.Bildung == "Erstberatung").ShouldBe(antwortB.StatusCode == HttpStatusCode.OK);
            }
        }

        // Without a version a 409 can only come from two writes that really overlapped in the database.
        ausgabe.WriteLine($"{kollisionen} von {Runden} Runden endeten in einer echten Kollision in der Datenbank.");
    }

    [Fact]
    public async Task GleicherSchritt_WhenSentTwiceAtTheSameMoment_IsRecordedOnce()
    {
        await AufwaermenAsync();
        for (var runde = 1; runde <= Runden; runde++)
        {
            var id = await _a.NeuerFallAsync();
            var body = new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02" };

            var (antwortA, antwortB) = await GleichzeitigAsync(
                _a, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", body),
                _b, Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", body));

            using (antwortA)
            using (antwortB)
            {
                string.Join(", ", new[] { antwortA.StatusCode, antwortB.StatusCode }.Order()).ShouldBe("OK, Conflict", $"Runde {runde}");
                var verlierer = antwortA.StatusCode == HttpStatusCode.Conflict ? antwortA : antwortB;
                var problem = await verlierer.ProblemAsync(HttpStatusCode.Conflict);

                // Either the writes collided, or the second one saw the state the first one reached.
                problem.Detail().ShouldBeOneOf(Konflikt, "Der Schritt „Klaeren“ ist im Zustand „Klaerung“ nicht vorgesehen.");
                (await Datenbestand.TriggerAsync(Db, id)).Count(t => t == "Klaeren").ShouldBe(1, $"Runde {runde}");
                (await Datenbestand.FallAsync(Db, id)).Version.ShouldBe(2);
            }
        }
    }

    [Fact]
    public async Task Fall_WhenRead_ReturnsItsVersionAsETag()
    {
        var id = await _a.NeuerFallAsync();

        using var response = await _a.GetAsync($"/api/faelle/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.Tag.ShouldBe("\"1\"");
        response.Headers.ETag.IsWeak.ShouldBeFalse();
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<int>().ShouldBe(1);

        await _a.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        using var danach = await _a.GetAsync($"/api/faelle/{id}");
        danach.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    public async Task Schritt_WhenIfMatchIsCurrent_Returns200AndTheETagIsTheNewVersion(string ifMatch)
    {
        var id = await _a.NeuerFallAsync();

        using var response = await _a.SendAsync(Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02" }, ifMatch));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var version = JsonNode.Parse(body)!["version"]!.GetValue<int>();
        version.ShouldBe(2);
        response.Headers.ETag!.Tag.ShouldBe($"\"{version}\"");
        (await Datenbestand.FallAsync(Db, id)).Version.ShouldBe(version);
        using var gelesen = await _a.GetAsync($"/api/faelle/{id}");
        gelesen.Headers.ETag!.Tag.ShouldBe(response.Headers.ETag.Tag);
    }

    [Fact]
    public async Task Schritt_WhenIfMatchIsStale_Returns409AndStoresNothing()
    {
        var id = await _a.NeuerFallAsync();
        using var erster = await _a.SendAsync(Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02" }, "\"1\""));
        erster.StatusCode.ShouldBe(HttpStatusCode.OK);
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _a.SendAsync(Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Bildung", trigger = "ErstberatungDurchfuehren", fachlichesDatum = "2026-11-02" }, "\"1\""))
            .ProblemAsync(HttpStatusCode.Conflict);

        problem.Titel().ShouldBe("Bearbeitungskonflikt");
        problem.Detail().ShouldBe(Konflikt);
        var nachher = await Datenbestand.FallAsync(Db, id);
        nachher.ShouldBe(vorher);
        nachher.Version.ShouldBe(2);
        nachher.Bildung.ShouldBe("KeineBeratung");
    }

    [Fact]
    public async Task Schritt_WhenBodyVersionIsStale_Returns409AndStoresNothing()
    {
        var id = await _a.NeuerFallAsync();
        await _a.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02", version: 1).OkAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _a.SchrittAsync(id, "Bildung", "ErstberatungDurchfuehren", "2026-11-02", version: 1).ProblemAsync(HttpStatusCode.Conflict);

        problem.Detail().ShouldBe(Konflikt);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"-1\"")]
    [InlineData("\"1.0\"")]
    public async Task Schritt_WhenIfMatchIsNotAVersion_Returns400AndStoresNothing(string ifMatch)
    {
        var id = await _a.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _a.SendAsync(Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur = "Prozess", trigger = "Klaeren", fachlichesDatum = "2026-11-02" }, ifMatch))
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().ShouldBe("If-Match ist keine gültige Version.");
        problem.Fehlerfelder().ShouldBe(["If-Match"]);
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Notiz_WhenIfMatchIsStale_Returns409AndStoresNothing()
    {
        var id = await _a.NeuerFallAsync();
        await _a.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        var problem = await _a.SendAsync(Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/notizen", new { text = "Rückruf vereinbart." }, "\"1\""))
            .ProblemAsync(HttpStatusCode.Conflict);

        problem.Detail().ShouldBe(Konflikt);
        var nachher = await Datenbestand.FallAsync(Db, id);
        nachher.ShouldBe(vorher);
        nachher.Notizen.ShouldBe(0);
    }


    /// <summary>Sends both requests from two threads released by one barrier.</summary>
    private static async Task<(HttpResponseMessage A, HttpResponseMessage B)> GleichzeitigAsync(HttpClient clientA, HttpRequestMessage anfrageA, HttpClient clientB, HttpRequestMessage anfrageB)
    {
        using var startschuss = new Barrier(2);
        var a = Task.Run(() =>
        {
            startschuss.SignalAndWait(TimeSpan.FromSeconds(10));
            return clientA.SendAsync(anfrageA);
        });
        var b = Task.Run(() =>
        {
            startschuss.SignalAndWait(TimeSpan.FromSeconds(10));
            return clientB.SendAsync(anfrageB);
        });
        var antworten = await Task.WhenAll(a, b);
        return (antworten[0], antworten[1]);
    }

    private async Task AufwaermenAsync()
    {
        (await _a.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _b.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
