using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Hosting;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// User names are unique per Mandant, not per installation (issue 18 item 3, migration 0021): the same name in two
/// Kommunen signs in to its own Kommune with its own password and sees only its own data; a duplicate within one
/// Kommune is refused in German; a wrong Kommune answers like a wrong password, in the answer and in the audit trail;
/// the sign-in page offers the active Kommunen only when there are at least two.
/// </summary>
public sealed partial class BenutzernameJeMandantTests(BenutzernameJeMandantTests.Fixture fx) : IClassFixture<BenutzernameJeMandantTests.Fixture>
{
    private const string Allgemein = "Benutzername, Passwort oder Code sind nicht korrekt.";

    [Fact]
    public async Task GleicherName_InZweiKommunen_MeldetSichJeweilsBeiDerEigenenAn_UndSiehtNurDieEigenenKonten()
    {
        using var nord = await fx.Factory.AngemeldetAsync(fx.Nord);
        using var sued = await fx.Factory.AngemeldetAsync(fx.Sued);

        (await nord.GetAsync("/api/konto").OkAsync())["id"]!.GetValue<string>().ShouldBe(fx.Nord.Id);
        (await sued.GetAsync("/api/konto").OkAsync())["id"]!.GetValue<string>().ShouldBe(fx.Sued.Id);
        var nordKonten = (await nord.GetAsync("/api/admin/benutzer").OkAsync()).AsArray().Select(k => k!["id"]!.GetValue<string>()).ToArray();
        var suedKonten = (await sued.GetAsync("/api/admin/benutzer").OkAsync()).AsArray().Select(k => k!["id"]!.GetValue<string>()).ToArray();
        nordKonten.ShouldContain(fx.Nord.Id);
        nordKonten.ShouldNotContain(fx.Sued.Id);
        suedKonten.ShouldContain(fx.Sued.Id);
        suedKonten.ShouldNotContain(fx.Nord.Id);
    }

    [Fact]
    public async Task FalscheKommune_OhneKommune_UndFalschesPasswort_AntwortenGleich_UndDasAuditVerraetNichtsDavon()
    {
        using var client = fx.Factory.NeuerClient();
        var ab = await LetzteAuditIdAsync();

        // Nord's password in Süd (the right password of the same name, the wrong Kommune), Süd's password in Nord.
        var andereKommune = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "kreis-sued", benutzername = Gemeinsam, passwort = fx.Nord.Passwort, code = await fx.Factory.CodeAsync(fx.Nord) })
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var falschesPasswort = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "kreis-nord", benutzername = Gemeinsam, passwort = fx.Sued.Passwort, code = "000000" })
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var unbekannteKommune = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "gibt-es-nicht", benutzername = Gemeinsam, passwort = fx.Nord.Passwort })
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var deaktivierteKommune = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "kreis-aus", benutzername = Gemeinsam, passwort = fx.Nord.Passwort })
            .ProblemAsync(HttpStatusCode.Unauthorized);

        // Without a Kommune a name two Kommunen use signs in nobody (an unambiguous one does: the other tests' accounts).
        var mehrdeutig = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = Gemeinsam, passwort = fx.Nord.Passwort, code = await fx.Factory.CodeAsync(fx.Nord) })
            .ProblemAsync(HttpStatusCode.Unauthorized);

        foreach (var p in new[] { andereKommune, falschesPasswort, unbekannteKommune, deaktivierteKommune, mehrdeutig })
        {
            p.Detail().ShouldBe(Allgemein);
            p.Titel().ShouldBe("Anmeldung fehlgeschlagen");
        }

        // The audit rows of the failed attempts are alike: action, detail, no account, no Mandant.
        var bedingung = $"id > {ab} AND aktion LIKE 'Anmeldung.%'";
        for (var i = 0; i < 100 && await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, $"SELECT count(*) FROM audit_protokoll WHERE {bedingung}") != "5"; i++)
        {
            await Task.Delay(100);
        }

        var zeilen = await SqlHilfen.SpalteAsync(fx.Database.OwnerConnectionString, $"""
            SELECT DISTINCT aktion || '|' || coalesce(detail, '') || '|' || benutzer_id || '|' || rollen || '|' || coalesce(mandant, '-')
            FROM audit_protokoll WHERE {bedingung}
            """);
        zeilen.ShouldBe(["Anmeldung.Fehlgeschlagen|Token|anonym||-"]);
    }

    private async Task<long> LetzteAuditIdAsync()
    {
        await Task.Delay(200);
        return long.Parse(await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT coalesce(max(id), 0) FROM audit_protokoll") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Sperre_GiltJeKonto_DasGleichnamigeKontoDerAnderenKommuneBleibtNutzbar()
    {
        var konto = await fx.Factory.KontoAsync("sperr.test", Rolle.Fallmanagement, "Team Nord", mandant: "kreis-nord");
        var anderes = await fx.Factory.KontoAsync("sperr.test", Rolle.Fallmanagement, "Team Süd", mandant: "kreis-sued", passwort: "Ein-anderes-Passwort-im-Sueden");
        using var client = fx.Factory.NeuerClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "kreis-nord", benutzername = "sperr.test", passwort = "falsch-falsch-falsch" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var gesperrt = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = "kreis-nord", benutzername = "sperr.test", passwort = konto.Passwort, code = await fx.Factory.CodeAsync(konto) })
            .ProblemAsync(HttpStatusCode.Unauthorized);
        gesperrt.Detail().ShouldContain("vorübergehend gesperrt");
        using var sued = await fx.Factory.AngemeldetAsync(anderes);
        (await sued.GetAsync("/api/konto")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anlegen_DesselbenNamensInDerselbenKommune_WirdAufDeutschAbgelehnt_InDerAnderenNicht()
    {
        using var nord = await fx.Factory.AngemeldetAsync(fx.Nord);
        using var sued = await fx.Factory.AngemeldetAsync(fx.Sued);
        var neu = new { benutzername = "l.lenz", anzeigename = "Lenz", rollen = new[] { "Datenschutz" }, passwort = TestKonten.Passwort };

        await nord.PostAsJsonAsync("/api/admin/benutzer", neu).OkAsync();
        await sued.PostAsJsonAsync("/api/admin/benutzer", neu).OkAsync();
        var doppelt = await nord.PostAsJsonAsync("/api/admin/benutzer", neu).ProblemAsync(HttpStatusCode.BadRequest);
        var grossgeschrieben = await nord.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = "L.Lenz", anzeigename = "Lenz", rollen = new[] { "Datenschutz" }, passwort = TestKonten.Passwort })
            .ProblemAsync(HttpStatusCode.BadRequest);

        doppelt.Fehler("benutzername").Single().ShouldBe("Diesen Benutzernamen gibt es in dieser Kommune bereits.");
        grossgeschrieben.Fehler("benutzername").Single().ShouldBe("Diesen Benutzernamen gibt es in dieser Kommune bereits.");
    }

    [Fact]
    public async Task Anlegen_DesselbenNamensGleichzeitig_EinmalAngelegt_SonstDeutsche400_NieEin500()
    {
        using var nord = await fx.Factory.AngemeldetAsync(fx.Nord);
        var neu = new { benutzername = "g.gleichzeitig", anzeigename = "Gleichzeitig", rollen = new[] { "Datenschutz" }, passwort = TestKonten.Passwort };

        // Twelve creations of one name at once: the validator's check and the insert race; the unique index decides.
        var antworten = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => nord.PostAsJsonAsync("/api/admin/benutzer", neu)));
        var status = antworten.Select(a => (int)a.StatusCode).ToArray();

        status.Count(s => s is >= 200 and < 300).ShouldBe(1, string.Join(", ", status));
        status.Where(s => s is < 200 or >= 300).ShouldAllBe(s => s == 400);
        foreach (var abgelehnt in antworten.Where(a => a.StatusCode == HttpStatusCode.BadRequest))
        {
            (await abgelehnt.ProblemAsync(HttpStatusCode.BadRequest)).Fehler("benutzername").Single().ShouldBe("Diesen Benutzernamen gibt es in dieser Kommune bereits.");
        }
    }

    [Fact]
    public async Task CreateAdmin_LegtDenGleichenNamenInEinerAnderenKommuneAn_LehntIhnInDerselbenAb_UndProtokolliertBeides()
    {
        var erst = await CreateAdminAsync("--benutzername", "admin.cli", "--mandant", "kreis-nord");
        erst.Code.ShouldBe(0, erst.Fehler);
        var zweit = await CreateAdminAsync("--benutzername", "admin.cli", "--mandant", "kreis-sued");
        zweit.Code.ShouldBe(0, zweit.Fehler);
        var doppelt = await CreateAdminAsync("--benutzername", "admin.cli", "--mandant", "kreis-nord");
        doppelt.Code.ShouldBe(1);
        doppelt.Fehler.ShouldContain("Diesen Benutzernamen gibt es in dieser Kommune bereits.");

        var akteur = ("CLI:" + Environment.UserName).Replace("'", "''", StringComparison.Ordinal);
        var zeilen = await SqlHilfen.SpalteAsync(fx.Database.OwnerConnectionString, $"""
            SELECT ergebnis || '|' || coalesce(mandant, '-') || '|' || rollen || '|' || coalesce(herkunft, '-') || '|' || coalesce(detail, '')
            FROM audit_protokoll WHERE aktion = 'Admin.BenutzerAngelegt' AND benutzer_id = '{akteur}' ORDER BY id
            """);
        var nord = await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT id FROM benutzer WHERE mandant = 'kreis-nord' AND normalized_user_name = 'ADMIN.CLI'");
        var sued = await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT id FROM benutzer WHERE mandant = 'kreis-sued' AND normalized_user_name = 'ADMIN.CLI'");
        zeilen.ShouldBe([$"200|kreis-nord||-|{nord}: Administration", $"200|kreis-sued||-|{sued}: Administration", "400|-||-|benutzername"]);
        (await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll WHERE detail ILIKE '%admin.cli%'")).ShouldBe("0", "kein Benutzername im Audit");
    }

    [Fact]
    public async Task Anmeldeseite_ZeigtDieAktivenKommunenMitBeschriftung_OhneDieDeaktivierte()
    {
        using var client = fx.Factory.NeuerClient();
        var html = await client.GetStringAsync("/Konto/Anmelden");

        html.ShouldContain("<label for=\"kommune\">Kommune</label>");
        var auswahl = AuswahlMuster().Match(html);
        auswahl.Success.ShouldBeTrue(html);
        var optionen = OptionMuster().Matches(auswahl.Value).Select(m => (m.Groups["wert"].Value, WebUtility.HtmlDecode(m.Groups["name"].Value))).ToArray();
        optionen.ShouldBe([(string.Empty, "Bitte wählen"), ("kreis-nord", "Kreis Nord"), ("kreis-sued", "Kreis Süd"), ("standard", "Standardkommune")]);
        html.ShouldNotContain("kreis-aus");
    }

    [Fact]
    public void Anmeldeseite_MitNurEinerAktivenKommune_HatKeinFeldKommune()
    {
        fx.SeiteMitEinerKommune.ShouldNotContain("name=\"Kommune\"");
        fx.SeiteMitEinerKommune.ShouldContain("<label for=\"benutzername\">Benutzername</label>");
    }

    [Fact]
    public async Task Migration_HatDenInstallationsweitenIndexErsetzt()
    {
        var indizes = await SqlHilfen.SpalteAsync(fx.Database.OwnerConnectionString, "SELECT indexdef FROM pg_indexes WHERE tablename = 'benutzer' AND indexdef LIKE '%normalized_user_name%'");

        indizes.ShouldBe(["CREATE UNIQUE INDEX ix_benutzer_mandant_normalized_user_name ON public.benutzer USING btree (mandant, normalized_user_name)"]);
        (await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT count(*) FROM schema_migrations WHERE version = 21")).ShouldBe("1");
    }

    [Fact]
    public async Task EfModell_KenntDenselbenIndexWieDieDatenbank()
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(fx.Factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Infrastructure.Persistence.KimDbContext>(scope.ServiceProvider);
        var benutzer = db.Model.FindEntityType(typeof(Infrastructure.Identitaet.Benutzer))!;

        var eindeutig = benutzer.GetIndexes().Where(i => i.IsUnique).Select(i => $"{i.GetDatabaseName()}({string.Join(",", i.Properties.Select(p => p.GetColumnName()))})").ToArray();

        eindeutig.ShouldBe(["ix_benutzer_mandant_normalized_user_name(mandant,normalized_user_name)"]);
    }

    private const string Gemeinsam = "m.mueller";

    private async Task<(int Code, string Aus, string Fehler)> CreateAdminAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(KimWebFactory.FuerDatenbank(fx.Database.AppConnectionString, fx.Database.OwnerConnectionString));
        using var aus = new StringWriter();
        using var fehler = new StringWriter();
        var code = await Kommandos.AdministratorAnlegenAsync(["create-admin", .. args], builder, aus, fehler, TestKonten.Passwort);
        return (code, aus.ToString(), fehler.ToString());
    }

    [GeneratedRegex("<select id=\"kommune\" name=\"Kommune\"[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex AuswahlMuster();

    [GeneratedRegex("<option value=\"(?<wert>[^\"]*)\"[^>]*>(?<name>[^<]*)</option>")]
    private static partial Regex OptionMuster();

    /// <summary>One app with the default Mandant, two Kommunen with an account "m.mueller" each (own passwords) and a disabled Kommune.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? _database;
        private KimWebFactory? _factory;

        public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

        public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

        internal TestKonto Nord { get; private set; } = null!;

        internal TestKonto Sued { get; private set; } = null!;

        public string SeiteMitEinerKommune { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var cluster = await PostgresTestCluster.GetAsync();
            _database = await cluster.CreateDatabaseAsync("benutzername_je_mandant");
            _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
            _factory.StartServer();
            using (var client = _factory.NeuerClient())
            {
                SeiteMitEinerKommune = await client.GetStringAsync("/Konto/Anmelden");
            }

            await _factory.MandantAsync("kreis-nord", "Kreis Nord");
            await _factory.MandantAsync("kreis-sued", "Kreis Süd");
            await _factory.MandantAsync("kreis-aus", "Kreis Aus");
            Nord = await _factory.KontoAsync(Gemeinsam, Rolle.Administration, mandant: "kreis-nord", passwort: "Das-Passwort-im-Norden-2026");
            Sued = await _factory.KontoAsync(Gemeinsam, Rolle.Administration, mandant: "kreis-sued", passwort: "Das-Passwort-im-Sueden-2026");
            await _factory.KontoAsync(Gemeinsam, Rolle.Administration, mandant: "kreis-aus", passwort: "Das-Passwort-im-Norden-2026");
            var verwaltung = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Infrastructure.Mandanten.MandantenVerwaltung>(_factory.Services);
            await verwaltung.DeaktivierenAsync("kreis-aus", string.Empty, default);
        }

        public async Task DisposeAsync()
        {
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
