using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// Art. 16 DSGVO over HTTP: PUT /api/faelle/{id}/klient corrects the client's master data in one transaction with its
/// audit row; the old values are in the audit trail and nowhere in the case file; stale versions and bad input store
/// nothing; an unknown Fall is the same 404 as any other.
/// </summary>
public sealed class KlientBerichtigungTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private string Db => api.Database.SuperuserConnectionString;

    private static object Korrektur(string vorname = "Aminah", string nachname = "Haddad", string geburtsdatum = "1995-03-12", int? version = null) => new
    {
        vorname,
        nachname,
        geburtsdatum,
        geschlecht = "Weiblich",
        herkunftsland = "Syrien",
        einreisedatum = "2024-01-10",
        minderjaehrigeKinder = 1,
        version,
    };

    [Fact]
    public async Task Berichtigen_WhenNameAndBirthDateAreCorrected_StoresThemWithAnAuditRowHoldingTheOldValuesAndANoteWithoutThem()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Zarifa", nachname: "Qasimova"));

        using var antwort = await api.Client.PutAsJsonAsync($"/api/faelle/{id}/klient", Korrektur(vorname: "Sarifa", nachname: "Qasimova", version: 1));

        var body = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var ergebnis = JsonNode.Parse(body)!;
        ergebnis["version"]!.GetValue<int>().ShouldBe(2);
        ergebnis["geaenderteFelder"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["vorname", "geburtsdatum"]);
        antwort.Headers.ETag!.Tag.ShouldBe("\"2\"");

        (await SqlHilfen.TextAsync(Db, $"SELECT k.vorname || ' ' || k.geburtsdatum FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{id}'")).ShouldBe("Sarifa 1995-03-12");
        (await SqlHilfen.TextAsync(Db, $"SELECT string_agg(text, '|') FROM notizen WHERE fall_id = '{id}'")).ShouldBe("Stammdaten berichtigt (Art. 16 DSGVO): Vorname, Geburtsdatum.");
        var audit = await SqlHilfen.TextAsync(Db, $"SELECT detail || '|' || ergebnis || '|' || klient_id FROM audit_protokoll WHERE fall_id = '{id}' AND aktion = 'Klient.Berichtigt'");
        var teile = audit!.Split('|');
        teile[1].ShouldBe("200");
        var detail = JsonNode.Parse(teile[0])!;
        detail["felder"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["vorname", "geburtsdatum"]);

        // The old values are encrypted with the client's key (crypto-shredding, ADR 0007): not readable in the row, and
        // readable with the key while the client exists.
        var vorher = detail["vorher"]!.GetValue<string>();
        vorher.ShouldStartWith("v1:");
        vorher.ShouldNotContain("Zarifa");
        var schluessel = api.Factory.Services.GetRequiredService<Application.Abstractions.IKlientSchluessel>();
        (await schluessel.EntschluesselnAsync(Guid.Parse(teile[2]), vorher, default)).ShouldBe("""{"vorname":"Zarifa","geburtsdatum":"1995-03-02"}""");
        (await schluessel.EntschluesselnAsync(Guid.NewGuid(), vorher, default)).ShouldBeNull("another client's key does not open it");

        // The old name is in no table at all (the audit trail holds it encrypted).
        (await SqlHilfen.TextAsync(Db, $"""
            SELECT count(*) FROM (
              SELECT vorname || nachname AS t FROM klienten UNION ALL SELECT text FROM notizen UNION ALL SELECT coalesce(notiz, '') FROM fall_ereignisse
              UNION ALL SELECT coalesce(detail, '') FROM audit_protokoll
            ) x WHERE t LIKE '%Zarifa%'
            """)).ShouldBe("0");
        (await api.Client.FallAsync(id))["klient"]!["vorname"]!.GetValue<string>().ShouldBe("Sarifa");
    }

    [Fact]
    public async Task Berichtigen_WhenTheVersionIsStale_Answers409AndStoresNothing()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Leyla", nachname: "Aliyeva"));
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Erstgespräch geführt.", version = 1 })).EnsureSuccessStatusCode();

        var problem = await api.Client.PutAsJsonAsync($"/api/faelle/{id}/klient", Korrektur(vorname: "Leila", nachname: "Aliyeva", version: 1)).ProblemAsync(HttpStatusCode.Conflict);

        problem.Titel().ShouldBe("Bearbeitungskonflikt");
        (await SqlHilfen.TextAsync(Db, $"SELECT k.vorname || ' ' || f.version FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{id}'")).ShouldBe("Leyla 2");
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM notizen WHERE fall_id = '{id}' AND text LIKE 'Stammdaten%'")).ShouldBe("0");
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM audit_protokoll WHERE fall_id = '{id}' AND aktion = 'Klient.Berichtigt' AND ergebnis = 200")).ShouldBe("0");
    }

    [Fact]
    public async Task Berichtigen_WhenFieldsBreakTheIntakeRules_Answers400WithGermanFieldMessagesAndStoresNothing()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Hamid", nachname: "Rahimi"));
        var falsch = new JsonObject
        {
            ["vorname"] = "Hamid2",
            ["nachname"] = "Rahimi",
            ["geburtsdatum"] = "2026-11-15",
            ["geschlecht"] = "Maennlich",
            ["herkunftsland"] = "Afghanistan",
            ["minderjaehrigeKinder"] = 31,
        };

        var problem = await api.Client.PutAsJsonAsync($"/api/faelle/{id}/klient", falsch).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["geburtsdatum", "minderjaehrigeKinder", "vorname"]);
        problem.Fehler("vorname").ShouldBe(["Der Vorname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."]);
        problem.Fehler("geburtsdatum").ShouldBe(["Das Geburtsdatum darf nicht nach dem Aufnahmedatum des Falls liegen."]);
        problem.Fehler("minderjaehrigeKinder").ShouldBe(["Die Zahl der minderjährigen Kinder muss zwischen 0 und 30 liegen."]);
        (await SqlHilfen.TextAsync(Db, $"SELECT k.vorname || ' ' || f.version FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{id}'")).ShouldBe("Hamid 1");
    }

    [Fact]
    public async Task Berichtigen_WhenRequiredFieldsAreMissing_NamesEachInGerman()
    {
        var id = await api.Client.NeuerFallAsync();

        var problem = await api.Client.PutAsJsonAsync($"/api/faelle/{id}/klient", new { vorname = "Amina" }).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["geburtsdatum", "geschlecht", "herkunftsland", "minderjaehrigeKinder", "nachname"]);
        problem.Fehler("herkunftsland").ShouldBe(["Das Herkunftsland muss angegeben werden (nur Buchstaben)."]);
    }

    [Fact]
    public async Task Berichtigen_WhenNothingDiffers_AnswersTheUnchangedVersionAndNotesNothing()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Nour", nachname: "Khalil"));

        var ergebnis = await api.Client.PutAsJsonAsync($"/api/faelle/{id}/klient", Korrektur(vorname: "Nour", nachname: "Khalil", geburtsdatum: "1995-03-02")).OkAsync();

        ergebnis["version"]!.GetValue<int>().ShouldBe(1);
        ergebnis["geaenderteFelder"]!.AsArray().ShouldBeEmpty();
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM notizen WHERE fall_id = '{id}'")).ShouldBe("0");
    }

    [Fact]
    public async Task Berichtigen_WhenRepeatedWithTheSameIdempotencyKey_TakesEffectOnceAndReplaysTheFirstAnswer()
    {
        var id = await api.Client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Rania", nachname: "Saleh"));
        HttpRequestMessage Anfrage()
        {
            var anfrage = Anfragen.Json(HttpMethod.Put, $"/api/faelle/{id}/klient", Korrektur(vorname: "Rana", nachname: "Saleh", geburtsdatum: "1995-03-02", version: 1));
            anfrage.Headers.Add("Idempotency-Key", $"berichtigung-{id}");
            return anfrage;
        }

        using var erste = await api.Client.SendAsync(Anfrage());
        using var zweite = await api.Client.SendAsync(Anfrage());

        erste.StatusCode.ShouldBe(HttpStatusCode.OK, await erste.Content.ReadAsStringAsync());
        zweite.StatusCode.ShouldBe(HttpStatusCode.OK, await zweite.Content.ReadAsStringAsync());
        zweite.Headers.GetValues("Idempotency-Replayed").ShouldBe(["true"]);
        (await zweite.Content.ReadAsStringAsync()).ShouldBe(await erste.Content.ReadAsStringAsync());
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM notizen WHERE fall_id = '{id}'")).ShouldBe("1");
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM audit_protokoll WHERE fall_id = '{id}' AND aktion = 'Klient.Berichtigt'")).ShouldBe("1");
        (await SqlHilfen.TextAsync(Db, $"SELECT version FROM faelle WHERE id = '{id}'")).ShouldBe("2");
    }

    [Fact]
    public async Task Berichtigen_WhenTheFallDoesNotExist_AnswersTheUsual404()
    {
        var problem = await api.Client.PutAsJsonAsync($"/api/faelle/{Guid.NewGuid()}/klient", Korrektur()).ProblemAsync(HttpStatusCode.NotFound);

        problem.Detail().ShouldBe("Der Fall wurde nicht gefunden.");
    }
}
