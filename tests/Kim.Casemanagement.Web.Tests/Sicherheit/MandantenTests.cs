using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Hosting;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// The provider's administration of Mandanten (issue 18 item 3, ADR 0014): created, listed, disabled and enabled through
/// the API and the CLI by the role Anbieteradministration only; a disabled Mandant's users cannot sign in and their
/// sessions end at once.
/// </summary>
public sealed class MandantenTests(MandantenTests.Fixture fx) : IClassFixture<MandantenTests.Fixture>
{
    private const string Basis = "/api/anbieter/mandanten";

    [Fact]
    public async Task Anlegen_WithABadKeyAndNoName_Answers400WithGermanMessagesPerField()
    {
        var problem = await fx.Anbieter.PostAsJsonAsync(Basis, new { schluessel = "Kreis Wesel!", name = "  " }).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["name", "schluessel"], ignoreOrder: true);
        problem.Fehler("schluessel").Single().ShouldContain("Kleinbuchstaben");
        problem.Fehler("name").Single().ShouldContain("Namen der Kommune");
        (await fx.Anbieter.GetFromJsonAsync<JsonArray>(Basis))!.Select(m => m!["schluessel"]!.GetValue<string>()).ShouldNotContain("Kreis Wesel!");
    }

    [Fact]
    public async Task Anlegen_WhenTheKeyIsTaken_Answers409AndKeepsTheFirst()
    {
        await fx.Anbieter.PostAsJsonAsync(Basis, new { schluessel = "stadt-doppelt", name = "Erste" }).OkAsync();

        var problem = await fx.Anbieter.PostAsJsonAsync(Basis, new { schluessel = "stadt-doppelt", name = "Zweite" }).ProblemAsync(HttpStatusCode.Conflict);

        problem.Detail().ShouldBe("Einen Mandanten mit diesem Schlüssel gibt es bereits.");
        var liste = (await fx.Anbieter.GetFromJsonAsync<JsonArray>(Basis))!;
        liste.Single(m => m!["schluessel"]!.GetValue<string>() == "stadt-doppelt")!["name"]!.GetValue<string>().ShouldBe("Erste");
    }

    [Fact]
    public async Task Deaktivieren_EndsTheSessionsOfItsUsersAndRefusesSignIn_UntilEnabledAgain()
    {
        await fx.Anbieter.PostAsJsonAsync(Basis, new { schluessel = "kreis-aus", name = "Kreis Aus" }).OkAsync();
        var konto = await fx.Factory.KontoAsync("fm.kreis-aus", Rolle.Fallmanagement, "Team Aus", mandant: "kreis-aus");
        using var angemeldet = await fx.Factory.AngemeldetAsync(konto);
        (await angemeldet.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var andereKommune = await fx.Factory.AngemeldetAsync(fx.FallmanagementStandard);

        var antwort = await fx.Anbieter.PostAsync($"{Basis}/kreis-aus/deaktivierung", null).OkAsync();

        antwort["aktiv"]!.GetValue<bool>().ShouldBeFalse();
        (await angemeldet.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "die Sitzung endet mit dem Mandanten");
        using (var client = fx.Factory.NeuerClient())
        {
            var problem = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = await fx.Factory.CodeAsync(konto) })
                .ProblemAsync(HttpStatusCode.Unauthorized);
            problem.Detail().ShouldBe("Benutzername, Passwort oder Code sind nicht korrekt.", "kein Hinweis, dass es das Konto gibt");
        }

        (await andereKommune.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK, "andere Kommunen sind nicht betroffen");

        await fx.Anbieter.PostAsync($"{Basis}/kreis-aus/aktivierung", null).OkAsync();
        using var wieder = await fx.Factory.AngemeldetAsync(konto);
        (await wieder.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deaktivieren_OfTheOwnMandant_Answers400AndAnUnknownOne404()
    {
        var eigen = await fx.Anbieter.PostAsync($"{Basis}/{Kommandos.AnbieterMandant}/deaktivierung", null).ProblemAsync(HttpStatusCode.BadRequest);
        eigen.Fehler("schluessel").Single().ShouldBe("Der Mandant des eigenen Kontos kann nicht deaktiviert werden.");

        var unbekannt = await fx.Anbieter.PostAsync($"{Basis}/gibt-es-nicht/deaktivierung", null).ProblemAsync(HttpStatusCode.NotFound);
        unbekannt.Detail().ShouldBe("Der Mandant wurde nicht gefunden.");
    }

    [Fact]
    public async Task KommuneAdministration_MayNeitherUseTheProviderApiNorGrantTheProviderRole()
    {
        (await fx.Administration.GetAsync(Basis)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fx.Administration.PostAsJsonAsync(Basis, new { schluessel = "kreis-admin", name = "Kreis" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var rollen = await fx.Administration.PutAsJsonAsync($"/api/admin/benutzer/{fx.FallmanagementStandard.Id}/rollen", new { rollen = new[] { "Anbieteradministration" } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        rollen.Fehler("rollen").Single().ShouldContain("Anbieteradministration");
        var anlegen = await fx.Administration.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = "hoch.hinaus", anzeigename = "Hoch", rollen = new[] { "Anbieteradministration" }, passwort = TestKonten.Passwort })
            .ProblemAsync(HttpStatusCode.BadRequest);
        anlegen.Fehler("rollen").Single().ShouldContain("Anbieteradministration");
    }

    [Fact]
    public async Task Seite_ListsTheMandantenForTheProvider_AndIsForbiddenToAKommuneAdministration()
    {
        await fx.Anbieter.PostAsJsonAsync(Basis, new { schluessel = "kreis-seite", name = "Kreis auf der Seite" }).OkAsync();

        using var seite = await fx.Anbieter.GetAsync("/Anbieter/Mandanten");
        seite.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await seite.Content.ReadAsStringAsync()).ShouldContain("Kreis auf der Seite");
        (await fx.Administration.GetAsync("/Anbieter/Mandanten")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cli_CreatesListsDisablesAndEnablesAMandant_AndRefusesBadInputWithExitCode1()
    {
        (await CliAsync("mandant-anlegen", "--schluessel", "kreis-cli", "--name", "Kreis über die Kommandozeile")).Code.ShouldBe(0);
        var liste = await CliAsync("mandanten");
        liste.Code.ShouldBe(0);
        liste.Aus.ShouldContain("kreis-cli\taktiv\tKreis über die Kommandozeile");

        var konto = await fx.Factory.KontoAsync("fm.kreis-cli", Rolle.Fallmanagement, "Team CLI", mandant: "kreis-cli");
        using var angemeldet = await fx.Factory.AngemeldetAsync(konto);
        var aus = await CliAsync("mandant-deaktivieren", "--schluessel", "kreis-cli");
        aus.Code.ShouldBe(0, aus.Fehler);
        aus.Aus.ShouldContain("1 Sitzungen beendet");
        (await angemeldet.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "die Instanz erfährt vom Ende per NOTIFY oder beim nächsten Lesen");
        (await CliAsync("mandanten")).Aus.ShouldContain("kreis-cli\tdeaktiviert\t");
        (await CliAsync("mandant-aktivieren", "--schluessel", "kreis-cli")).Code.ShouldBe(0);

        var falsch = await CliAsync("mandant-anlegen", "--schluessel", "Kreis CLI", "--name", "x");
        falsch.Code.ShouldBe(1);
        falsch.Fehler.ShouldContain("Der Mandant wurde nicht angelegt.");
        (await CliAsync("mandant-deaktivieren")).Code.ShouldBe(2);
    }

    [Fact]
    public async Task Cli_AuditsEveryChangeAndRefusal_WithTheActorCliAndTheOsUser_AndTheChainStaysIntact()
    {
        (await CliAsync("mandant-anlegen", "--schluessel", "kreis-audit", "--name", "Kreis mit Audit")).Code.ShouldBe(0);
        (await CliAsync("mandant-deaktivieren", "--schluessel", "kreis-audit")).Code.ShouldBe(0);
        (await CliAsync("mandant-aktivieren", "--schluessel", "kreis-audit")).Code.ShouldBe(0);
        (await CliAsync("mandant-anlegen", "--schluessel", "kreis-audit", "--name", "Noch einmal")).Code.ShouldBe(1);
        (await CliAsync("mandant-aktivieren", "--schluessel", "kreis-unbekannt")).Code.ShouldBe(1);

        var akteur = ("CLI:" + Environment.UserName).Replace("'", "''", StringComparison.Ordinal);
        var zeilen = await SqlHilfen.SpalteAsync(fx.Database.OwnerConnectionString, $"""
            SELECT aktion || '|' || coalesce(detail, '') || '|' || ergebnis || '|' || rollen || '|' || coalesce(herkunft, '-') || '|' || coalesce(mandant, '-')
            FROM audit_protokoll WHERE benutzer_id = '{akteur}' AND (detail LIKE 'kreis-audit%' OR detail = 'kreis-unbekannt') ORDER BY id
            """);
        zeilen.ShouldBe([
            "Anbieter.MandantAngelegt|kreis-audit|200||-|-",
            "Anbieter.MandantDeaktiviert|kreis-audit: 0 Sitzungen beendet|200||-|-",
            "Anbieter.MandantAktiviert|kreis-audit|200||-|-",
            "Anbieter.MandantAngelegt|kreis-audit|409||-|-",
            "Anbieter.MandantAktiviert|kreis-unbekannt|404||-|-",
        ]);

        // The rows are sealed into the same hash chain as every other row, and verify-audit finds it intact.
        var versiegelung = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Infrastructure.Audit.AuditVersiegelung>(fx.Factory.Services);
        var versiegelt = $"""
            SELECT count(*) FROM audit_protokoll a JOIN audit_siegel s ON s.audit_id = a.id WHERE a.benutzer_id = '{akteur}' AND a.detail LIKE 'kreis-audit%'
            """;
        for (var i = 0; i < 50 && await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, versiegelt) != "4"; i++)
        {
            await versiegelung.VersiegelnAsync(default);
            await Task.Delay(200);
        }

        (await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, versiegelt)).ShouldBe("4");
        using var pruefung = new StringWriter();
        (await Infrastructure.Audit.AuditKommando.VerifyAsync(fx.Database.OwnerConnectionString, pruefung, default)).ShouldBe(Infrastructure.Audit.AuditKommando.Intakt, pruefung.ToString());
    }

    private async Task<(int Code, string Aus, string Fehler)> CliAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(KimWebFactory.FuerDatenbank(fx.Database.AppConnectionString, fx.Database.OwnerConnectionString));
        using var aus = new StringWriter();
        using var fehler = new StringWriter();
        var code = await MandantenKommando.AusfuehrenAsync(args, builder, aus, fehler);
        return (code, aus.ToString(), fehler.ToString());
    }

    /// <summary>One app, an account of the provider's administration, a Kommune administration and a case manager of the default Mandant.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? _database;
        private KimWebFactory? _factory;

        public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

        public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

        public HttpClient Anbieter { get; private set; } = null!;

        public HttpClient Administration { get; private set; } = null!;

        internal TestKonto FallmanagementStandard { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var cluster = await PostgresTestCluster.GetAsync();
            _database = await cluster.CreateDatabaseAsync("mandanten");
            _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
            await _factory.MandantAsync(Kommandos.AnbieterMandant, "IT-Dienstleister");
            Anbieter = await _factory.AngemeldetAsync(await _factory.KontoAsync("anbieter.admin", Rolle.Anbieteradministration, mandant: Kommandos.AnbieterMandant));
            Administration = await _factory.AngemeldetAsync(await _factory.KontoAsync("kommune.admin", Rolle.Administration));
            FallmanagementStandard = await _factory.KontoAsync("fm.standard", Rolle.Fallmanagement, "Team A");
        }

        public async Task DisposeAsync()
        {
            Anbieter?.Dispose();
            Administration?.Dispose();
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
