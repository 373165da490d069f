using Kim.Casemanagement.Application.Sicherheit;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// A restart of the app loses nothing: every Fall with its states, version and events is there again, with a
/// configured database and with the embedded default cluster (which must also stop together with the host).
/// </summary>
public sealed class NeustartTests
{
    [Fact]
    public async Task Fall_WhenTheAppRestartsOnAConfiguredDatabase_IsReturnedUnchangedWithEveryEvent()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("neustart");
        var einstellungen = KimWebFactory.FuerDatenbank(datenbank.AppConnectionString, datenbank.OwnerConnectionString);

        Guid id;
        Akte vorher;
        TestKonto konto;
        await using (var erste = new KimWebFactory(einstellungen))
        {
            erste.StartServer();
            konto = await erste.KontoAsync("fm.neustart", Rolle.Fallmanagement, "Team A");
            using var client = await erste.AngemeldetAsync(konto);
            id = await FallDurchMehrereSchritteAsync(client);
            vorher = await AkteAsync(client, id);
        }

        var standVorher = await Datenbestand.FallAsync(datenbank.SuperuserConnectionString, id);
        await using (var zweite = new KimWebFactory(einstellungen))
        {
            zweite.StartServer();
            using var client = await zweite.AngemeldetAsync(konto);
            var nachher = await AkteAsync(client, id);

            nachher.Fall.ShouldBe(vorher.Fall);
            nachher.Ereignisse.ShouldBe(vorher.Ereignisse);
            nachher.Notizen.ShouldBe(vorher.Notizen);

            // The restarted app keeps working on the same Fall.
            await client.SchrittAsync(id, "Bildung", "SprachstandFeststellen", "2026-11-12", new { sprachniveau = "B1", alphabetisierungNoetig = "false" }, vorher.Version).OkAsync();
        }

        standVorher.Version.ShouldBe(vorher.Version);
        standVorher.Ereignisse.ShouldBe(vorher.EreignisAnzahl);
        var standNachher = await Datenbestand.FallAsync(datenbank.SuperuserConnectionString, id);
        standNachher.Version.ShouldBe(vorher.Version + 1);
        standNachher.Ereignisse.ShouldBe(vorher.EreignisAnzahl + 1);
    }

    [Fact]
    public async Task Fall_WhenTheAppRestartsOnTheEmbeddedDefaultDatabase_IsReturnedUnchangedAndTheServerStopsWithTheHost()
    {
        var ordner = Path.Combine("/tmp", "kim-neustart-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        var einstellungen = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kim"] = string.Empty,
            ["ConnectionStrings:KimMigration"] = string.Empty,
            ["Database:Embedded:DataDirectory"] = ordner,
        };

        try
        {
            Guid id;
            Akte vorher;
            TestKonto konto;
            await using (var erste = new KimWebFactory(einstellungen))
            {
                erste.StartServer();
                konto = await erste.KontoAsync("fm.eingebettet", Rolle.Fallmanagement, "Team A");
                using var client = await erste.AngemeldetAsync(konto);
                var datenbank = erste.Services.GetRequiredService<Datenbank>();
                datenbank.IstEingebettet.ShouldBeTrue();
                datenbank.AppConnectionString.ShouldContain(ordner);
                (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
                File.Exists(Path.Combine(ordner, "pgdata", "PG_VERSION")).ShouldBeTrue("initdb hat keinen Cluster im Datenordner angelegt.");
                (await EingebettetesPostgres.StatusAsync(ordner)).ExitCode.ShouldBe(0, "Während die App läuft, muss der eingebettete Server laufen.");

                id = await FallDurchMehrereSchritteAsync(client);
                vorher = await AkteAsync(client, id);
            }

            await PruefeGestopptAsync(ordner, "nach dem Beenden der ersten App");

            await using (var zweite = new KimWebFactory(einstellungen))
            {
                zweite.StartServer();
                using var client = await zweite.AngemeldetAsync(konto);
                zweite.Services.GetRequiredService<Datenbank>().IstEingebettet.ShouldBeTrue();
                // Ready within a bound: under a loaded test machine the journal read of the readiness check once answered
                // 503 right after the restart (the sign-in above had already reached the database).
                (await BereitAsync(client)).ShouldBe(HttpStatusCode.OK);

                var nachher = await AkteAsync(client, id);
                nachher.Fall.ShouldBe(vorher.Fall);
                nachher.Ereignisse.ShouldBe(vorher.Ereignisse);
                nachher.Notizen.ShouldBe(vorher.Notizen);
                var liste = await client.GetAsync("/api/faelle").OkAsync();
                liste["gesamt"]!.GetValue<int>().ShouldBe(1);
            }

            await PruefeGestopptAsync(ordner, "nach dem Beenden der zweiten App");
        }
        finally
        {
            if (Directory.Exists(Path.Combine(ordner, "pgdata")) && (await EingebettetesPostgres.StatusAsync(ordner)).ExitCode == 0)
            {
                await EingebettetesPostgres.NotStoppAsync(ordner);
            }

            if (Directory.Exists(ordner))
            {
                Directory.Delete(ordner, recursive: true);
            }
        }

        Directory.Exists(ordner).ShouldBeFalse();
    }

    /// <summary>
    /// The server must be gone once the host is disposed. WebApplicationFactory's dispose can return while the app's own
    /// <c>RunAsync</c> is still disposing the container (and with it <see cref="Datenbank"/>) on the entry-point thread, so
    /// the check allows a short grace period, then insists.
    /// </summary>
    private static async Task PruefeGestopptAsync(string ordner, string wann)
    {
        var frist = DateTime.UtcNow.AddSeconds(15);
        var (exitCode, ausgabe) = await EingebettetesPostgres.StatusAsync(ordner);
        while (exitCode == 0 && DateTime.UtcNow < frist)
        {
            await Task.Delay(100);
            (exitCode, ausgabe) = await EingebettetesPostgres.StatusAsync(ordner);
        }

        exitCode.ShouldBe(3, $"pg_ctl status {wann}: {ausgabe}");
        File.Exists(Path.Combine(ordner, "pgdata", "postmaster.pid")).ShouldBeFalse($"postmaster.pid liegt {wann} noch da.");
        EingebettetesPostgres.ProzesseMitOrdner(ordner).ShouldBeEmpty($"Ein postgres-Prozess läuft {wann} noch auf {ordner}.");
    }

    /// <summary>Intake and several steps on three tracks, one with a follow-up event, plus a note.</summary>
    private static async Task<Guid> FallDurchMehrereSchritteAsync(HttpClient client)
    {
        var id = await client.NeuerFallAsync();
        await client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        await client.SchrittAsync(id, "Prozess", "AssessmentBeginnen", "2026-11-03").OkAsync();
        await client.SchrittAsync(id, "Aufenthalt", "AsylSuchen", "2026-11-03").OkAsync();
        await client.SchrittAsync(id, "Aufenthalt", "AnkunftsnachweisAusstellen", "2026-11-04").OkAsync();
        await client.SchrittAsync(id, "Aufenthalt", "AsylantragStellen", "2026-11-05").OkAsync();
        await client.SchrittAsync(id, "Leistungen", "AsylbLGBewilligen", "2026-11-05").OkAsync();
        await client.SchrittAsync(id, "Aufenthalt", "Anerkennen", "2026-11-10", new { schutzform = "Fluechtlingseigenschaft" }).OkAsync();
        await client.SchrittAsync(id, "Bildung", "ErstberatungDurchfuehren", "2026-11-10").OkAsync();
        await client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Anerkennung besprochen.\nNächster Termin folgt." }).OkAsync();
        return id;
    }

    private static async Task<Akte> AkteAsync(HttpClient client, Guid id)
    {
        var fall = await client.FallAsync(id);
        var ereignisse = (await client.GetAsync($"/api/faelle/{id}/ereignisse").OkAsync()).AsArray();
        var notizen = await client.GetAsync($"/api/faelle/{id}/notizen").OkAsync();
        return new Akte(fall.ToJsonString(), ereignisse.ToJsonString(), notizen.ToJsonString(), fall["version"]!.GetValue<int>(), ereignisse.Count);
    }

    /// <summary>What a client sees of one Fall, as JSON text.</summary>
    private sealed record Akte(string Fall, string Ereignisse, string Notizen, int Version, int EreignisAnzahl);

    /// <summary>The readiness answer, asked again for at most 30 s until it is 200.</summary>
    private static async Task<HttpStatusCode> BereitAsync(HttpClient client)
    {
        var bis = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var antwort = await client.GetAsync("/health/ready");
            if (antwort.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > bis)
            {
                return antwort.StatusCode;
            }

            await Task.Delay(500);
        }
    }
}
