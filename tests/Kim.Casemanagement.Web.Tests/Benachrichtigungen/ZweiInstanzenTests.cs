using System.Net;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Benachrichtigungen;

/// <summary>
/// Two app instances (two real Kestrel hosts on loopback) on one PostgreSQL database. Their dispatchers poll only every
/// ten minutes here, so a notice that arrives within seconds on the other instance came through the cross-instance wake-up.
/// </summary>
public sealed class ZweiInstanzenTests : IAsyncLifetime
{
    private static readonly TimeSpan Frist = TimeSpan.FromSeconds(5);
    private TestDatabase _database = null!;
    private KimWebFactory _a = null!;
    private KimWebFactory _b = null!;
    private TestKonto _fallmanagerin = null!;
    private TestKonto _kollegin = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("zwei");
        var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        einstellungen["Benachrichtigungen:Abfrageintervall"] = "00:10:00";
        _a = new KimWebFactory(einstellungen);
        _a.StartServer();
        _b = new KimWebFactory(einstellungen);
        _b.StartServer();
        _fallmanagerin = await _a.KontoAsync("fm.a", Rolle.Fallmanagement, "Team A");
        _kollegin = await _a.KontoAsync("fm.b", Rolle.Fallmanagement, "Team A");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Schritt_ThroughInstanceA_ReachesAClientConnectedToInstanceB_AndTheOtherWayRound()
    {
        _a.Adresse.ShouldNotBe(_b.Adresse);
        using var fmAufA = await _a.AngemeldetAsync(_fallmanagerin);
        using var kolleginAufB = await _b.AngemeldetAsync(_kollegin);
        await using var js = await SignalRTreiber.StartenAsync();
        await js.VerbindenAsync("kollegin@B", _b.Adresse, BenachrichtigungsFixture.Token(kolleginAufB));
        await js.VerbindenAsync("fm@A", _a.Adresse, BenachrichtigungsFixture.Token(fmAufA));

        var id = await fmAufA.NeuerFallAsync();
        var heute = BenachrichtigungsFixture.HeuteInBerlin();
        (await fmAufA.PostAsync($"/api/faelle/{id}/vertretungen", System.Net.Http.Json.JsonContent.Create(new { benutzerId = _kollegin.Id, von = heute, bis = heute.AddDays(7) }))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await fmAufA.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await js.WartenAsync(_ => Arten(js, "kollegin@B", id).SequenceEqual(["Vertretung", "Schritt"]), Frist, "Zustellung über Instanz B");

        (await kolleginAufB.SchrittAsync(id, "Leistungen", "LeistungsbezugBeenden", "2026-11-06")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await js.WartenAsync(_ => Arten(js, "fm@A", id).SequenceEqual(["Schritt"]), Frist, "Zustellung über Instanz A");
    }

    [Fact]
    public async Task Abmeldung_OnInstanceA_ClosesTheSessionsLiveConnectionOnInstanceB()
    {
        using var aufA = await _a.AngemeldetAsync(_kollegin);
        await using var js = await SignalRTreiber.StartenAsync();
        await js.VerbindenAsync("b", _b.Adresse, BenachrichtigungsFixture.Token(aufA));

        (await aufA.PostAsync("/api/konto/abmeldung", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await js.WartenAsync(e => e.Any(x => (string?)x["ev"] == "geschlossen" && (string?)x["id"] == "b"), Frist, "Verbindung auf B geschlossen");
    }

    private static List<string> Arten(SignalRTreiber js, string client, Guid fallId) =>
        js.Benachrichtigungen(client).Where(b => (string?)b["fallId"] == fallId.ToString()).Select(b => b["art"]!.GetValue<string>()).ToList();
}
