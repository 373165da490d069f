using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The real app (real HTTPS, real PostgreSQL, the bundled front end) driven by the system Chromium through Playwright.
/// Accounts for every role of team A; each signs in once through the login page (password and TOTP) and later browser
/// contexts reuse that session's cookie, so tests do not wait for fresh TOTP steps. Test data is set up through the API.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPfad = "/usr/bin/chromium";

    private readonly Dictionary<string, string> _sitzungen = [];
    private readonly Dictionary<string, HttpClient> _api = [];
    private TestDatabase? _database;
    private KimWebFactory? _factory;
    private IPlaywright? _playwright;

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Nicht initialisiert.");

    public IBrowser Browser { get; private set; } = null!;

    public TestKonto FmA { get; private set; } = null!;

    public TestKonto FmB { get; private set; } = null!;

    public TestKonto Teamleitung { get; private set; } = null!;

    public TestKonto Auslaenderbehoerde { get; private set; } = null!;

    public TestKonto Jobcenter { get; private set; } = null!;

    public TestKonto Administration { get; private set; } = null!;

    public TestKonto Lenkungsgruppe { get; private set; } = null!;

    /// <summary>A case manager used only by the login test (fresh TOTP steps, a wrong code first).</summary>
    public TestKonto Anmeldung { get; private set; } = null!;

    /// <summary>A case manager without a second factor yet (enrolment).</summary>
    public TestKonto OhneZweitenFaktor { get; private set; } = null!;

    /// <summary>
    /// artifacts/screenshots, so that a test run leaves the working tree clean; docs/screenshots (committed, shown in the
    /// README) when <c>KIM_SCREENSHOTS_AKTUALISIEREN=1</c> is set to renew them on purpose.
    /// </summary>
    public static string ScreenshotOrdner { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("KIM_SCREENSHOTS_AKTUALISIEREN") == "1"
            ? Path.Combine(Repository(), "docs", "screenshots")
            : Path.Combine(Repository(), "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("browser");
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
        _factory.StartServer();
        FmA = await _factory.KontoAsync("fm.anna", Rolle.Fallmanagement, "Team A");
        FmB = await _factory.KontoAsync("fm.bernd", Rolle.Fallmanagement, "Team A");
        Teamleitung = await _factory.KontoAsync("tl.a", Rolle.Teamleitung, "Team A");
        Auslaenderbehoerde = await _factory.KontoAsync("abh.partner", Rolle.Partner, behoerde: Behoerde.Auslaenderbehoerde);
        Jobcenter = await _factory.KontoAsync("jc.partner", Rolle.Partner, behoerde: Behoerde.Jobcenter);
        Administration = await _factory.KontoAsync("admin.test", Rolle.Administration);
        Lenkungsgruppe = await _factory.KontoAsync("lg.test", Rolle.Lenkungsgruppe);
        Anmeldung = await _factory.KontoAsync("fm.login", Rolle.Fallmanagement, "Team A");
        OhneZweitenFaktor = await _factory.KontoAsync("fm.neu", Rolle.Fallmanagement, "Team A", zweiFaktor: false);

        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumAsync(_playwright);
        Directory.CreateDirectory(ScreenshotOrdner);
    }

    /// <summary>A fresh browser context (own cookies), German, trusting the test certificate; <paramref name="adresse"/>: another server than the fixture's app (nginx).</summary>
    public Task<IBrowserContext> KontextAsync(string? storageState = null, Uri? adresse = null) => KontextAsync(Browser, Factory, storageState, adresse);

    /// <summary>A fresh context of <paramref name="browser"/> for the app of <paramref name="factory"/> (or <paramref name="adresse"/>; own cookies), German, trusting the test certificate.</summary>
    public static async Task<IBrowserContext> KontextAsync(IBrowser browser, KimWebFactory factory, string? storageState = null, Uri? adresse = null)
    {
        var kontext = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (adresse ?? factory.Adresse).ToString().TrimEnd('/'),
            IgnoreHTTPSErrors = true,
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        kontext.SetDefaultTimeout(20_000);
        return kontext;
    }

    /// <summary>Signs in through the login page with password and the current TOTP code; returns the page after sign-in.</summary>
    /// <param name="app">The app whose database holds the account (default: the fixture's).</param>
    public Task<IPage> UeberAnmeldeseiteAsync(IBrowserContext kontext, TestKonto konto, KimWebFactory? app = null) => UeberAnmeldeseiteAsync(app ?? Factory, kontext, konto);

    /// <summary>Signs in to the app of <paramref name="factory"/> through its login page; returns the page after sign-in.</summary>
    public static async Task<IPage> UeberAnmeldeseiteAsync(KimWebFactory factory, IBrowserContext kontext, TestKonto konto)
    {
        var seite = await kontext.NewPageAsync();
        for (var versuch = 1; ; versuch++)
        {
            await seite.GotoAsync("/Konto/Anmelden");
            if (await seite.Locator("#kommune").CountAsync() > 0)
            {
                // More than one active Mandant: the Kommune is part of the credentials (migration 0021).
                await seite.GetByLabel("Kommune").SelectOptionAsync(konto.Mandant);
            }

            await seite.GetByLabel("Benutzername").FillAsync(konto.Benutzername);
            await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(konto.Passwort);
            var code = await factory.CodeAsync(konto);
            await seite.GetByLabel("Code aus der Authenticator-App").FillAsync(code);
            await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
            try
            {
                await seite.WaitForURLAsync(u => !u.Contains("/Konto/Anmelden", StringComparison.Ordinal));
                return seite;
            }
            catch (TimeoutException e) when (!seite.Url.Contains("/Konto/Anmelden", StringComparison.Ordinal))
            {
                // Signed in: the browser already left the login page, only the wait for the next page's load event ran out
                // (once in a full run on the busy 2-core machine, with the network idle). The caller navigates on anyway.
                Console.Error.WriteLine($"Anmeldung von {konto.Benutzername}: Seite {seite.Url} erreicht, Warten auf ihr load-Ereignis abgelaufen ({e.Message.Split('\n')[0]}).");
                return seite;
            }
            catch (TimeoutException e)
            {
                // Still on the login page: say why (the page's message), so that a failure here is diagnosable.
                var meldung = await seite.Locator("[role=alert]").AllInnerTextsAsync();
                var text = $"Anmeldung von {konto.Benutzername} (Versuch {versuch}, Code-Schritt um {DateTimeOffset.UtcNow:HH:mm:ss}) blieb auf {seite.Url}: {string.Join(" | ", meldung)}";
                Console.Error.WriteLine(text);

                // A TOTP code can be refused at a step boundary (the server accepts each step once); one more try with a new code.
                if (versuch >= 2 || !meldung.Any(m => m.Contains("Code", StringComparison.Ordinal)))
                {
                    throw new TimeoutException(text, e);
                }
            }
        }
    }

    /// <summary>A page of a new context signed in as <paramref name="konto"/> (first time through the login page, then with the same session).</summary>
    public async Task<IPage> AngemeldetAsync(TestKonto konto, string pfad = "/")
    {
        IBrowserContext kontext;
        IPage seite;
        if (_sitzungen.TryGetValue(konto.Id, out var zustand))
        {
            kontext = await KontextAsync(zustand);
            seite = await kontext.NewPageAsync();
        }
        else
        {
            kontext = await KontextAsync();
            seite = await UeberAnmeldeseiteAsync(kontext, konto);
            _sitzungen[konto.Id] = await kontext.StorageStateAsync();
        }

        await seite.GotoAsync(pfad);
        return seite;
    }

    /// <summary>An API client (bearer token) of the account, for setting up data.</summary>
    public async Task<HttpClient> ApiAsync(TestKonto konto)
    {
        if (!_api.TryGetValue(konto.Id, out var client))
        {
            client = await Factory.AngemeldetAsync(konto);
            _api[konto.Id] = client;
        }

        return client;
    }

    /// <summary>A new Fall led by FM A (consent to case management, Art. 13 given), optionally with consents for partner authorities.</summary>
    public async Task<Guid> FallAsync(string nachname, params string[] partner)
    {
        var api = await ApiAsync(FmA);
        var heute = BenachrichtigungsHeute().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fallId = await api.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: nachname, aufnahmedatum: heute, art13: heute));
        foreach (var p in partner)
        {
            await api.PostAsJsonAsync($"/api/faelle/{fallId}/einwilligungen", new
            {
                empfaenger = p,
                datenkategorien = new[] { "Stammdaten", "Aufenthalt", "Leistungen", "Bildung", "Kompetenzprofil" },
                zweck = "Abstimmung im Case Management",
                gueltigAb = heute,
                formularReferenz = "EW-" + p,
            }).OkAsync();
        }

        return fallId;
    }

    /// <summary>Today where the app decides what "today" is.</summary>
    public static DateOnly BenachrichtigungsHeute() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    /// <summary>Presses Tab until the focused element matches <paramref name="selektor"/> (at most <paramref name="hoechstens"/> times).</summary>
    public static async Task TabBisAsync(IPage seite, string selektor, int hoechstens)
    {
        for (var i = 0; i < hoechstens; i++)
        {
            await seite.Keyboard.PressAsync("Tab");
            if (await seite.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selektor))
            {
                return;
            }
        }

        throw new ShouldAssertException($"Mit der Tab-Taste nicht erreichbar: {selektor}");
    }

    /// <summary>The focused element shows a visible focus indicator (outline or box shadow).</summary>
    public static async Task SichtbarerFokusAsync(IPage seite)
    {
        var stil = await seite.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + '|' + s.outlineWidth + '|' + s.boxShadow; }");
        var teile = stil.Split('|');
        (teile[0] != "none" && teile[1] != "0px" || teile[2] != "none").ShouldBeTrue($"Kein sichtbarer Fokus: {stil}");
    }

    /// <summary>A Chromium for a fixture of its own (the system Chromium, headless, German).</summary>
    public static Task<IBrowser> ChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPfad,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=de-DE"],
        });

    /// <summary>Runs axe-core on the page: no serious or critical violation (WCAG 2.1 AA and best practices).</summary>
    public static async Task BarrierefreiAsync(IPage seite, string wo)
    {
        var ergebnis = await seite.RunAxe();
        var schwer = ergebnis.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        schwer.ShouldBeEmpty($"axe-core auf {wo}: " + string.Join("; ", schwer.Select(v => $"{v.Id} ({v.Impact}): {v.Help} bei {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>A full-page screenshot into <see cref="ScreenshotOrdner"/>.</summary>
    public static Task ScreenshotAsync(IPage seite, string name) =>
        seite.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotOrdner, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    public async Task DisposeAsync()
    {
        foreach (var c in _api.Values)
        {
            c.Dispose();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kim.Casemanagement.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository-Wurzel (Kim.Casemanagement.sln) nicht gefunden.");
    }
}

/// <summary>All browser tests share one app, one database and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSammlung : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
