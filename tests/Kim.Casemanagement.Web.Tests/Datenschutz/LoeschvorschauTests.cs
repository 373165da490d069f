using System.Net;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Datenschutz;

/// <summary>
/// The dry run for the data-protection officer (GET /api/datenschutz/aufbewahrung/vorschau, page /Datenschutz/Loeschvorschau):
/// it lists exactly the Fälle the next run would anonymise (due, not held), stores nothing, and is audited. The app runs
/// with a case-file period of one day, set as a dated rule row in its configuration.
/// </summary>
public sealed class LoeschvorschauTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private KimWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _db = await cluster.CreateDatabaseAsync("loeschvorschau");
        var einstellungen = KimWebFactory.FuerDatenbank(_db.AppConnectionString, _db.OwnerConnectionString);
        einstellungen["Rechtsregeln:0:Schluessel"] = "Aufbewahrung.FallakteNachAbschluss";
        einstellungen["Rechtsregeln:0:GueltigAb"] = "2020-01-01";
        einstellungen["Rechtsregeln:0:Wert"] = "P1D";
        einstellungen["Rechtsregeln:0:Quelle"] = "Test";
        _factory = new KimWebFactory(einstellungen);
        _factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Vorschau_ListsTheDueFaelleWithoutHoldStoresNothingAndIsAudited()
    {
        using var fm = await _factory.AngemeldetAsync(await _factory.KontoAsync("fm.vorschau", Rolle.Fallmanagement, "Team V"));
        using var ds = await _factory.AngemeldetAsync(await _factory.KontoAsync("ds.vorschau", Rolle.Datenschutz));
        var geschlossen = await fm.GeschlossenerFallAsync();
        var gesperrt = await fm.GeschlossenerFallAsync();
        await Datenbestand.AusfuehrenAsync(_db.OwnerConnectionString, $"""
            INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von)
            VALUES (gen_random_uuid(), '{gesperrt}', 'standard', 'Klage', NULL, now(), 'ds.vorschau')
            """);
        var offen = await fm.NeuerFallAsync();
        var zeilenVorher = await Datenbestand.ZeilenAsync(_db.OwnerConnectionString);

        using var antwort = await ds.GetAsync(new Uri("/api/datenschutz/aufbewahrung/vorschau", UriKind.Relative));

        var body = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var liste = JsonNode.Parse(body)!.AsArray();
        liste.Select(f => f!["fallId"]!.GetValue<Guid>()).ShouldBe([geschlossen]);
        liste[0]!["zustand"]!.GetValue<string>().ShouldBe("Abbruch");
        liste[0]!["beendetSeit"]!.GetValue<string>().ShouldBe("2026-11-03");
        liste[0]!["loeschbarAb"]!.GetValue<string>().ShouldBe("2026-11-05");
        (await Datenbestand.ZeilenAsync(_db.OwnerConnectionString)).ShouldBe(zeilenVorher, "a dry run changes nothing");
        (await SqlHilfen.TextAsync(_db.OwnerConnectionString, "SELECT count(*) FROM loeschlaeufe")).ShouldBe("0");
        (await SqlHilfen.TextAsync(_db.OwnerConnectionString, "SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL")).ShouldBe("0");
        offen.ShouldNotBe(geschlossen);

        // Audited (it names Fälle by their file number), after the request has ended.
        await Task.Delay(300);
        (await SqlHilfen.TextAsync(_db.OwnerConnectionString, "SELECT string_agg(detail, ',') FROM audit_protokoll WHERE aktion = 'Datenschutz.Loeschvorschau'")).ShouldBe("1 Fälle");

        using var seite = await ds.GetAsync(new Uri("/Datenschutz/Loeschvorschau", UriKind.Relative));
        var html = await seite.Content.ReadAsStringAsync();
        seite.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("1 Fälle würden anonymisiert.");
    }
}
