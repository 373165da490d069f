using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The sign-in form's "Kommune" field on an installation with several active Kommunen (migration 0021): labelled,
/// accessible, without the disabled Kommune, the same name signs in to the Kommune chosen, a wrong Kommune answers like a
/// wrong password, and the Kommune of the last successful sign-in is preselected next time. Its own app and database
/// (the shared browser app has one Kommune and so no field); the shared Chromium.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class KommuneAuswahlBrowserTests(BrowserFixture browser, KommuneAuswahlBrowserTests.App app) : IClassFixture<KommuneAuswahlBrowserTests.App>
{
    [Fact]
    public async Task Kommune_IstBeschriftetUndBarrierefrei_MeldetBeiDerGewaehltenAn_UndWirdFuerDasNaechsteMalGemerkt()
    {
        await using var kontext = await BrowserFixture.KontextAsync(browser.Browser, app.Factory);
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync("/Konto/Anmelden");

        var kommune = seite.GetByLabel("Kommune");
        await Expect(kommune).ToBeVisibleAsync();
        await Expect(kommune).ToHaveValueAsync(string.Empty);
        (await kommune.Locator("option").AllInnerTextsAsync()).ShouldBe(["Bitte wählen", "Kreis Nord", "Kreis Süd", "Standardkommune"]);
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung mit Kommune");
        await BrowserFixture.ScreenshotAsync(seite, "01b-anmeldung-kommune");

        // The right name and password of Süd's account, in Nord: the same answer as a wrong password.
        await kommune.SelectOptionAsync(new SelectOptionValue { Label = "Kreis Nord" });
        await seite.GetByLabel("Benutzername").FillAsync(app.Sued.Benutzername);
        await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(app.Sued.Passwort);
        await seite.GetByLabel("Code aus der Authenticator-App").FillAsync(await app.Factory.CodeAsync(app.Sued));
        await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Benutzername, Passwort oder Code sind nicht korrekt.");
        await Expect(kommune).ToHaveValueAsync("kreis-nord");
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung mit Kommune und Fehlermeldung");

        await kommune.SelectOptionAsync(new SelectOptionValue { Label = "Kreis Süd" });
        await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(app.Sued.Passwort);
        await seite.GetByLabel("Code aus der Authenticator-App").FillAsync(await app.Factory.CodeAsync(app.Sued));
        await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await seite.WaitForURLAsync(u => !u.Contains("/Konto/Anmelden", StringComparison.Ordinal));

        await seite.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Expect(seite.GetByText("Sie wurden abgemeldet.")).ToBeVisibleAsync();
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
        await Expect(seite.GetByLabel("Kommune")).ToHaveValueAsync("kreis-sued");
    }

    /// <summary>An app with the default Kommune, Kreis Nord and Kreis Süd (an account "m.mueller" each) and the disabled Kreis Aus.</summary>
    public sealed class App : IAsyncLifetime
    {
        private TestDatabase? _database;
        private KimWebFactory? _factory;

        public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Nicht initialisiert.");

        internal TestKonto Nord { get; private set; } = null!;

        internal TestKonto Sued { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var cluster = await PostgresTestCluster.GetAsync();
            _database = await cluster.CreateDatabaseAsync("kommune_auswahl");
            _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
            _factory.StartServer();
            await _factory.MandantAsync("kreis-nord", "Kreis Nord");
            await _factory.MandantAsync("kreis-sued", "Kreis Süd");
            await _factory.MandantAsync("kreis-aus", "Kreis Aus");
            Nord = await _factory.KontoAsync("m.mueller", Rolle.Lenkungsgruppe, mandant: "kreis-nord", passwort: "Das-Passwort-im-Norden-2026");
            Sued = await _factory.KontoAsync("m.mueller", Rolle.Lenkungsgruppe, mandant: "kreis-sued", passwort: "Das-Passwort-im-Sueden-2026");
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
