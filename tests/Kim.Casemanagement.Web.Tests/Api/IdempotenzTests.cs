using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// Writes with an Idempotency-Key take effect once: a repeated request gets the first answer again, a concurrent
/// duplicate does not write twice, the same key for another request is refused, and a failed request leaves the key free.
/// </summary>
public sealed class IdempotenzTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int EreignisseNachAufnahme = 4;
    private readonly HttpClient _client = api.Client;

    private string Db => api.Database.SuperuserConnectionString;

    [Fact]
    public async Task Schritt_WhenSentTwiceWithTheSameKey_IsStoredOnceAndTheRepeatGetsTheFirstAnswer()
    {
        var id = await _client.NeuerFallAsync();
        var schluessel = Guid.NewGuid().ToString();

        using var erste = await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel));
        using var zweite = await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel));

        erste.StatusCode.ShouldBe(HttpStatusCode.OK);
        zweite.StatusCode.ShouldBe(HttpStatusCode.OK);
        erste.Headers.Contains("Idempotency-Replayed").ShouldBeFalse();
        zweite.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        (await zweite.Content.ReadAsStringAsync()).ShouldBe(await erste.Content.ReadAsStringAsync());
        var stand = await Datenbestand.FallAsync(Db, id);
        stand.Version.ShouldBe(2);
        stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + 1);
        (await SchluesselAsync(schluessel)).ShouldBe(1);
    }

    [Fact]
    public async Task Schritt_WhenEightDuplicatesRaceWithOneKey_ExactlyOneChangeIsStored()
    {
        var id = await _client.NeuerFallAsync();
        var schluessel = Guid.NewGuid().ToString();
        // Eight connections with the same sign-in (the token of the default client), warmed up so the requests leave together.
        var clients = Enumerable.Range(0, 8).Select(_ =>
        {
            var c = api.Factory.NeuerClient();
            c.DefaultRequestHeaders.Authorization = _client.DefaultRequestHeaders.Authorization;
            return c;
        }).ToArray();
        await Task.WhenAll(clients.Select(c => c.GetAsync("/api/konto")));

        var antworten = await Task.WhenAll(clients.Select(c => c.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel))));

        try
        {
            antworten.Count(a => a.StatusCode == HttpStatusCode.OK && !a.Headers.Contains("Idempotency-Replayed")).ShouldBe(1);
            foreach (var wiederholung in antworten.Where(a => a.StatusCode != HttpStatusCode.OK || a.Headers.Contains("Idempotency-Replayed")))
            {
                if (wiederholung.StatusCode == HttpStatusCode.Conflict)
                {
                    (await wiederholung.ProblemAsync(HttpStatusCode.Conflict)).Titel().ShouldBeOneOf("Bereits ausgeführt", "Bearbeitungskonflikt");
                }
                else
                {
                    wiederholung.StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            }

            var stand = await Datenbestand.FallAsync(Db, id);
            stand.Version.ShouldBe(2);
            stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + 1);
            (await SchluesselAsync(schluessel)).ShouldBe(1);
        }
        finally
        {
            foreach (var a in antworten)
            {
                a.Dispose();
            }

            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    [Fact]
    public async Task Schritt_WhenTheKeyWasUsedForAnotherRequest_Returns422AndStoresNothing()
    {
        var id = await _client.NeuerFallAsync();
        var schluessel = Guid.NewGuid().ToString();
        (await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var anders = await _client.SendAsync(Schritt(id, "Bildung", "ErstberatungDurchfuehren", schluessel));

        var problem = await anders.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Detail().ShouldBe("Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.");
        var stand = await Datenbestand.FallAsync(Db, id);
        stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + 1);
        stand.Bildung.ShouldBe("KeineBeratung");
    }

    [Fact]
    public async Task Schritt_WhenTheFirstAttemptFails_TheKeyStaysFreeAndTheCorrectedRetryIsStored()
    {
        var id = await _client.NeuerFallAsync();
        var schluessel = Guid.NewGuid().ToString();

        // Version 7 does not exist: 409, nothing committed, the key is not taken.
        using var veraltet = await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel, version: 7));
        (await veraltet.ProblemAsync(HttpStatusCode.Conflict)).Titel().ShouldBe("Bearbeitungskonflikt");
        (await SchluesselAsync(schluessel)).ShouldBe(0);

        using var wiederholt = await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel, version: 7));
        wiederholt.Headers.Contains("Idempotency-Replayed").ShouldBeFalse();
        wiederholt.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var richtig = await _client.SendAsync(Schritt(id, "Prozess", "Klaeren", schluessel, version: 1));
        richtig.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SchluesselAsync(schluessel)).ShouldBe(1);
        (await Datenbestand.FallAsync(Db, id)).Ereignisse.ShouldBe(EreignisseNachAufnahme + 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mit leerzeichen")]
    [InlineData("<script>")]
    [InlineData("a/b")]
    [InlineData("key;DROP TABLE idempotenz")]
    public async Task Schritt_WhenTheKeyIsMalformed_Returns400AndStoresNothing(string schluessel)
    {
        var id = await _client.NeuerFallAsync();
        var request = Schritt(id, "Prozess", "Klaeren", null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", schluessel);

        using var antwort = await _client.SendAsync(request);

        (await antwort.ProblemAsync(HttpStatusCode.BadRequest)).Titel().ShouldBe("Ungültiger Idempotency-Key");
        (await Datenbestand.FallAsync(Db, id)).Ereignisse.ShouldBe(EreignisseNachAufnahme);
    }

    [Fact]
    public async Task Aufnahme_WhenSentTwiceWithTheSameKey_CreatesOneFall()
    {
        var schluessel = Guid.NewGuid().ToString();
        var vorher = await Datenbestand.ZeilenAsync(Db);

        using var erste = await _client.SendAsync(Aufnahme(schluessel));
        var nachErster = await Datenbestand.ZeilenAsync(Db);
        using var zweite = await _client.SendAsync(Aufnahme(schluessel));

        erste.StatusCode.ShouldBe(HttpStatusCode.Created);
        zweite.StatusCode.ShouldBe(HttpStatusCode.Created);
        zweite.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        JsonNode.Parse(await zweite.Content.ReadAsStringAsync())!["fallId"]!.GetValue<Guid>()
            .ShouldBe(JsonNode.Parse(await erste.Content.ReadAsStringAsync())!["fallId"]!.GetValue<Guid>());
        nachErster.ShouldNotBe(vorher);
        (await Datenbestand.ZeilenAsync(Db)).ShouldBe(nachErster);
    }

    private static HttpRequestMessage Schritt(Guid id, string spur, string trigger, string? schluessel, int? version = null)
    {
        var request = Anfragen.Json(HttpMethod.Post, $"/api/faelle/{id}/schritte", new { spur, trigger, fachlichesDatum = "2026-11-02", version });
        if (schluessel is not null)
        {
            request.Headers.Add("Idempotency-Key", schluessel);
        }

        return request;
    }

    private static HttpRequestMessage Aufnahme(string schluessel)
    {
        var request = Anfragen.Json(HttpMethod.Post, "/api/faelle", Infrastruktur.Api.Aufnahme());
        request.Headers.Add("Idempotency-Key", schluessel);
        return request;
    }

    private async Task<long> SchluesselAsync(string schluessel)
    {
        await using var verbindung = new NpgsqlConnection(Db);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT count(*) FROM idempotenz WHERE schluessel = $1", verbindung);
        befehl.Parameters.Add(new NpgsqlParameter { Value = schluessel });
        return (long)(await befehl.ExecuteScalarAsync())!;
    }
}
