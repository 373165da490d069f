using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Datenschutz;

/// <summary>
/// Erasure on request (Art. 17 DSGVO): POST /api/datenschutz/faelle/{id}/loeschung anonymises a closed Fall at once, as
/// a run of the erasure job would; a held Fall or a Fall in work answers 409 with a German reason and nothing changes;
/// an unknown or erased Fall is 404; the reason is required.
/// </summary>
public sealed class EinzelloeschungTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private string Db => api.Database.SuperuserConnectionString;

    [Fact]
    public async Task Loeschung_OfAClosedFall_AnonymisesItAtOnceAndTheFallIsGoneForEveryone()
    {
        using var ds = await DatenschutzAsync();
        var id = await api.Client.GeschlossenerFallAsync();
        (await api.Client.FallAsync(id))["aktenzeichen"].ShouldNotBeNull();
        var anonymVorher = await SqlHilfen.TextAsync(Db, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL");

        using var antwort = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/loeschung", new { grund = "Antrag nach Art. 17 DSGVO vom 01.12.2026" });

        antwort.StatusCode.ShouldBe(HttpStatusCode.NoContent, await antwort.Content.ReadAsStringAsync());
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM faelle WHERE id = '{id}'")).ShouldBe("0");
        (await SqlHilfen.TextAsync(Db, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL")).ShouldBe((int.Parse(anonymVorher!, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await SqlHilfen.TextAsync(Db, "SELECT anlass || '/' || anonymisiert || '/' || klienten_geloescht FROM loeschlaeufe WHERE anlass = 'Antrag' ORDER BY gestartet_am DESC LIMIT 1")).ShouldBe("Antrag/1/1");
        using var uebersicht = await ds.GetAsync(new Uri("/api/datenschutz/aufbewahrung", UriKind.Relative));
        var laeufe = JsonNode.Parse(await uebersicht.Content.ReadAsStringAsync())!["loeschlaeufe"]!.AsArray();
        laeufe.ShouldContain(l => l!["aufAntrag"]!.GetValue<bool>() && l["anonymisiert"]!.GetValue<int>() == 1);
        using var lesen = await api.Client.GetAsync($"/api/faelle/{id}");
        lesen.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the cached case read must not outlive the Fall");
        using var nochmal = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/loeschung", new { grund = "zweiter Versuch" });
        nochmal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Task.Delay(300);
        (await SqlHilfen.TextAsync(Db, $"SELECT string_agg(detail, ',' ORDER BY id) FROM audit_protokoll WHERE aktion = 'Datenschutz.LoeschungAufAntrag' AND fall_id = '{id}'"))
            .ShouldBe("Art. 17 DSGVO: Anonymisiert,Art. 17 DSGVO: NichtGefunden");
    }

    [Fact]
    public async Task Loeschung_OfAHeldFall_Answers409WithTheReasonAndChangesNothing()
    {
        using var ds = await DatenschutzAsync();
        var id = await api.Client.GeschlossenerFallAsync();
        (await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/sperre", new { grund = "Klageverfahren" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var vorher = await Datenbestand.FallAsync(Db, id);

        using var antwort = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/loeschung", new { grund = "Antrag nach Art. 17 DSGVO" });

        antwort.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await antwort.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldStartWith("Der Fall ist gesperrt (Art. 18 DSGVO");
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Loeschung_OfAFallInWork_Answers409AndChangesNothing()
    {
        using var ds = await DatenschutzAsync();
        var id = await api.Client.NeuerFallAsync();
        var vorher = await Datenbestand.FallAsync(Db, id);

        using var antwort = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/loeschung", new { grund = "Antrag nach Art. 17 DSGVO" });

        antwort.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await antwort.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().ShouldStartWith("Der Fall ist noch nicht beendet.");
        (await Datenbestand.FallAsync(Db, id)).ShouldBe(vorher);
    }

    [Fact]
    public async Task Loeschung_WithoutAReasonOrOfAnUnknownFall_Answers400Or404()
    {
        using var ds = await DatenschutzAsync();
        var id = await api.Client.GeschlossenerFallAsync();

        using var ohneGrund = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/loeschung", new { grund = "  " });
        ohneGrund.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await ohneGrund.Content.ReadAsStringAsync())!["errors"]!["grund"]![0]!.GetValue<string>().ShouldStartWith("Bitte geben Sie den Grund der Löschung an");
        (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM faelle WHERE id = '{id}'")).ShouldBe("1");

        using var unbekannt = await ds.PostAsJsonAsync($"/api/datenschutz/faelle/{Guid.NewGuid()}/loeschung", new { grund = "Antrag" });
        unbekannt.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> DatenschutzAsync() =>
        await api.Factory.AngemeldetAsync(await api.Factory.KontoAsync("ds." + Guid.NewGuid().ToString("N")[..8], Rolle.Datenschutz));
}
