using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The Kommune's identity provider as a real OpenID provider: the npm package <c>oidc-provider</c> (tests/kommune-idp)
/// in a Node process on a free loopback port, over HTTPS with a certificate of its own, under the host name
/// <c>localhost</c> while the app listens on <c>127.0.0.1</c> (so the way back from the provider is a cross-site
/// navigation, as in production). The app (real Kestrel with TLS, real PostgreSQL) is configured for it with a group
/// mapping; the system Chromium signs in through both. The provider's accounts live in a JSON file it reads at every
/// sign-in, so a test can change a person's groups or <c>amr</c> between two sign-ins.
/// </summary>
public sealed class KommuneIdpFixture : IAsyncLifetime
{
    public const string ClientId = "kim-casemanagement";
    public const string ClientSecret = "Kommune-IdP-Test-Geheimnis-2026";
    public const string IdpPasswort = "Kennwort-der-Kommune";
    public const string GruppeFallmanagement = "KIM-Fallmanagement-Team-Nord";
    public const string GruppeLenkungsgruppe = "KIM-Lenkungsgruppe";
    public const string TeamName = "Team Nord";
    public const string Anzeigename = "Kreis Teststadt";

    /// <summary>An <c>acr</c> value the app is configured to accept as a second factor.</summary>
    public const string AcrHoch = "urn:teststadt:loa:hoch";

    private readonly Dictionary<string, JsonObject> _konten = [];
    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private Process? _idp;
    private string _kontenDatei = string.Empty;

    public KimWebFactory Factory { get; private set; } = null!;

    /// <summary>For assertions on what the database holds (audit rows).</summary>
    public string OwnerConnectionString => _database?.OwnerConnectionString ?? throw new InvalidOperationException("Nicht initialisiert.");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The provider's issuer (https://localhost:port).</summary>
    public string Aussteller { get; private set; } = string.Empty;

    /// <summary>A local account (password + TOTP) whose e-mail address an account at the provider shares.</summary>
    public TestKonto Lokal { get; private set; } = null!;

    public const string LokaleEmail = "gemeinsam@teststadt.example";

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("kommuneidp");

        // The provider's certificate (localhost and 127.0.0.1) and key as PEM files for Node; the app trusts exactly this one.
        using var zertifikat = TestZertifikat.Erzeugen();
        var zertifikatDatei = Path.Combine(cluster.RootDirectory, $"idp-{Guid.NewGuid():N}.crt");
        var schluesselDatei = Path.Combine(cluster.RootDirectory, $"idp-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(zertifikatDatei, zertifikat.ExportCertificatePem());
        await File.WriteAllTextAsync(schluesselDatei, zertifikat.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var fingerabdruck = zertifikat.GetCertHashString();
        _kontenDatei = Path.Combine(cluster.RootDirectory, $"idp-konten-{Guid.NewGuid():N}.json");
        await KontenSchreibenAsync();

        // The app needs the issuer before it starts and the provider the app's redirect URI: a free port first.
        var port = FreierPort();
        Aussteller = $"https://localhost:{port}";
        var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        einstellungen["Anmeldung:KommuneIdp:Authority"] = Aussteller;
        einstellungen["Anmeldung:KommuneIdp:ClientId"] = ClientId;
        einstellungen["Anmeldung:KommuneIdp:ClientSecret"] = ClientSecret;
        einstellungen["Anmeldung:KommuneIdp:Anzeigename"] = Anzeigename;
        einstellungen["Anmeldung:KommuneIdp:Scopes:0"] = "profile";
        einstellungen["Anmeldung:KommuneIdp:Scopes:1"] = "email";
        einstellungen["Anmeldung:KommuneIdp:Scopes:2"] = "groups";
        einstellungen["Anmeldung:KommuneIdp:Gruppen:0:Gruppe"] = GruppeFallmanagement;
        einstellungen["Anmeldung:KommuneIdp:Gruppen:0:Rollen:0"] = nameof(Rolle.Fallmanagement);
        einstellungen["Anmeldung:KommuneIdp:Gruppen:0:Team"] = TeamName;
        einstellungen["Anmeldung:KommuneIdp:Gruppen:1:Gruppe"] = GruppeLenkungsgruppe;
        einstellungen["Anmeldung:KommuneIdp:Gruppen:1:Rollen:0"] = nameof(Rolle.Lenkungsgruppe);
        einstellungen["Anmeldung:KommuneIdp:ZweiterFaktorAcr:0"] = AcrHoch;
        Factory = new KimWebFactory(einstellungen, dienste: s => s.Configure<OpenIdConnectOptions>("Kommune-IdP", o => o.BackchannelHttpHandler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == fingerabdruck,
        }));
        Factory.StartServer();

        var ordner = await PaketAsync();
        var start = new ProcessStartInfo("node", "idp.mjs")
        {
            WorkingDirectory = ordner,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KIM_IDP_HOST"] = "localhost";
        start.Environment["KIM_IDP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["KIM_IDP_ZERTIFIKAT"] = zertifikatDatei;
        start.Environment["KIM_IDP_SCHLUESSEL"] = schluesselDatei;
        start.Environment["KIM_IDP_CLIENT_ID"] = ClientId;
        start.Environment["KIM_IDP_CLIENT_SECRET"] = ClientSecret;
        start.Environment["KIM_IDP_REDIRECT"] = new Uri(Factory.Adresse, "/signin-kommune").ToString();
        start.Environment["KIM_IDP_KONTEN"] = _kontenDatei;
        // The provider ends when this process is gone (its stdin closes), even if the test runner kills us.
        start.Environment["KIM_IDP_STDIN_ENDE"] = "1";
        _idp = Process.Start(start)!;
        _idp.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && !e.Data.Contains("WARNING", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("kommune-idp: " + e.Data);
            }
        };
        _idp.BeginErrorReadLine();
        using var abbruch = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var zeile = await _idp.StandardOutput.ReadLineAsync(abbruch.Token) ?? throw new InvalidOperationException("Der Test-IdP hat sich ohne Ausgabe beendet.");
        JsonNode.Parse(zeile)!["aussteller"]!.GetValue<string>().ShouldBe(Aussteller);

        Lokal = await Factory.KontoAsync("fm.lokal", Rolle.Fallmanagement, TeamName);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var benutzer = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identitaet.Benutzer>>();
            var user = (await benutzer.FindByIdAsync(Lokal.Id))!;
            (await benutzer.SetEmailAsync(user, LokaleEmail)).Succeeded.ShouldBeTrue();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.ChromiumAsync(_playwright);
    }

    /// <summary>Adds or replaces an account at the provider.</summary>
    public async Task IdpKontoAsync(string login, string sub, string name, string email, string[] gruppen, string[] amr, string? acr = null)
    {
        _konten[login] = new JsonObject
        {
            ["login"] = login,
            ["passwort"] = IdpPasswort,
            ["sub"] = sub,
            ["name"] = name,
            ["email"] = email,
            ["groups"] = new JsonArray(gruppen.Select(g => (JsonNode)JsonValue.Create(g)!).ToArray()),
            ["amr"] = new JsonArray(amr.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["acr"] = acr,
        };
        await KontenSchreibenAsync();
    }

    /// <summary>A fresh browser context for the app (own cookies, German, trusting the test certificates).</summary>
    public Task<IBrowserContext> KontextAsync() => BrowserFixture.KontextAsync(Browser, Factory);

    /// <summary>
    /// From the app's login page through the provider's form and back; returns the page where the browser ends up
    /// (start page, enrolment, the TOTP step, or a refusal).
    /// </summary>
    public static async Task<IPage> UeberKommuneAsync(IBrowserContext kontext, string login, string ziel = "/Konto/Anmelden")
    {
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync(ziel);
        await seite.GetByRole(AriaRole.Link, new() { Name = "Mit dem Konto der Kommune anmelden" }).ClickAsync();
        // Polling the page (not waiting for navigation events): leaving the app's page (COOP same-origin) for another
        // origin swaps the browsing context group, and an event-based wait can miss the moment.
        await Expect(seite.GetByLabel("Kennung")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await seite.GetByLabel("Kennung").FillAsync(login);
        await seite.GetByLabel("Kennwort").FillAsync(IdpPasswort);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Bei der Kommune anmelden" }).ClickAsync();
        await Expect(seite).ToHaveURLAsync(new Regex(@"^https://127\.0\.0\.1:\d+/(?!signin-kommune)"), new() { Timeout = 30_000 });
        await seite.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return seite;
    }

    /// <summary>The local account linked to the provider's subject (null when there is none).</summary>
    public async Task<Infrastructure.Identitaet.Benutzer?> VerknuepftAsync(string sub)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var benutzer = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identitaet.Benutzer>>();
        return await benutzer.FindByLoginAsync(Aussteller, sub);
    }

    public async Task<IList<string>> RollenAsync(string benutzerId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var benutzer = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identitaet.Benutzer>>();
        return await benutzer.GetRolesAsync((await benutzer.FindByIdAsync(benutzerId))!);
    }

    public async Task DisposeAsync()
    {
        if (_idp is not null)
        {
            if (!_idp.HasExited)
            {
                _idp.Kill(entireProcessTree: true);
                await _idp.WaitForExitAsync();
            }

            _idp.Dispose();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private Task KontenSchreibenAsync() =>
        File.WriteAllTextAsync(_kontenDatei, new JsonArray(_konten.Values.Select(k => (JsonNode)k.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private static int FreierPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static readonly SemaphoreSlim Installation = new(1, 1);

    /// <summary>tests/kommune-idp, installed with <c>npm ci</c> if needed.</summary>
    private static async Task<string> PaketAsync()
    {
        var ordner = Path.Combine(SignalRTreiber.Wurzel(), "tests", "kommune-idp");
        await Installation.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(ordner, "node_modules", "oidc-provider", "package.json")))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = ordner, RedirectStandardOutput = true, RedirectStandardError = true })!;
                var fehler = npm.StandardError.ReadToEndAsync();
                await npm.StandardOutput.ReadToEndAsync();
                await npm.WaitForExitAsync();
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {ordner} fehlgeschlagen: {await fehler}");
                }
            }
        }
        finally
        {
            Installation.Release();
        }

        return ordner;
    }
}

/// <summary>The tests against the Kommune's identity provider share one provider, one app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class KommuneIdpSammlung : ICollectionFixture<KommuneIdpFixture>
{
    public const string Name = "KommuneIdp";
}
