using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// The app with its token service on a real database: a signing key from a PEM file (so the tests can forge tokens
/// with the real key and with wrong claims), an application client for code + PKCE, a case manager with TOTP, an
/// administrator, and two Fälle of the case manager: one with consents for every partner authority, one without.
/// </summary>
public sealed partial class TokendienstFixture : IAsyncLifetime
{
    public const string AppClient = "kim-test-app";
    public const string Rueckruf = "https://client.example/rueckruf";

    private TestDatabase? _database;

    public KimWebFactory Factory { get; private set; } = null!;

    public RSA Schluessel { get; } = RSA.Create(2048);

    public string SchluesselDatei { get; private set; } = string.Empty;

    public Dictionary<string, string?> Einstellungen { get; private set; } = [];

    public TestKonto Fallmanagerin { get; private set; } = null!;

    public TestKonto Admin { get; private set; } = null!;

    public HttpClient FmClient { get; private set; } = null!;

    public HttpClient AdminClient { get; private set; } = null!;

    public Guid FallEingewilligt { get; private set; }

    public Guid FallOhneEinwilligung { get; private set; }

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("token");
        SchluesselDatei = Path.Combine(cluster.RootDirectory, $"signatur-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(SchluesselDatei, Schluessel.ExportPkcs8PrivateKeyPem());
        Einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        Einstellungen["Tokendienst:Signaturschluessel"] = SchluesselDatei;
        Einstellungen["Tokendienst:TokenAnfragenProMinute"] = "100000";
        Einstellungen["Tokendienst:Anwendungen:0:ClientId"] = AppClient;
        Einstellungen["Tokendienst:Anwendungen:0:Anzeigename"] = "Testanwendung";
        Einstellungen["Tokendienst:Anwendungen:0:RedirectUris:0"] = Rueckruf;
        Einstellungen["Tokendienst:Anwendungen:0:Scopes:0"] = "kim.faelle";
        Einstellungen["Tokendienst:Anwendungen:0:Scopes:1"] = "kim.konto";
        Factory = new KimWebFactory(Einstellungen);
        Factory.StartServer();
        Fallmanagerin = await Factory.KontoAsync("fm.token", Rolle.Fallmanagement, "Team T");
        Admin = await Factory.KontoAsync("admin.token", Rolle.Administration);
        FmClient = await Factory.AngemeldetAsync(Fallmanagerin);
        AdminClient = await Factory.AngemeldetAsync(Admin);
        FallEingewilligt = await AufnehmenAsync(mitPartnern: true);
        FallOhneEinwilligung = await AufnehmenAsync(mitPartnern: false);
    }

    public Task<Guid> AufnehmenAsync(bool mitPartnern) =>
        FmClient.NeuerFallAsync(AutorisierungsMatrixFixture.Aufnahme(AutorisierungsMatrixFixture.Heute.AddDays(-3), mitPartnern, "Token"));

    /// <summary>Registers a partner system through the administration API; returns its secret.</summary>
    public async Task<string> PartnersystemAsync(string clientId, Behoerde behoerde, params string[] scopes)
    {
        using var antwort = await AdminClient.PostAsJsonAsync("/api/admin/partnersysteme", new { clientId, anzeigename = "System " + clientId, behoerde = behoerde.ToString(), scopes });
        var text = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["geheimnis"]!.GetValue<string>();
    }

    /// <summary>A client-credentials token (form post to the token endpoint).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Antwort)> TokenAsync(HttpClient client, IDictionary<string, string> felder)
    {
        using var antwort = await client.PostAsync("/connect/token", new FormUrlEncodedContent(felder));
        var text = await antwort.Content.ReadAsStringAsync();
        return (antwort.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// Signs in on the product's login page in a cookie session and sends an authorization request; returns the
    /// redirect the authorization endpoint answers with (to the client with a code, or to the error page).
    /// </summary>
    public async Task<Uri> AutorisierenAsync(string redirectUri, string? challenge, string methode = "S256")
    {
        var cookies = new CookieContainer();
        using var browser = Factory.NeuerClient(cookies);
        using (var seite = await browser.GetAsync("/Konto/Anmelden"))
        {
            var html = await seite.Content.ReadAsStringAsync();
            var token = AntiforgeryMuster().Match(html).Groups[1].Value;
            using var anmeldung = await browser.PostAsync("/Konto/Anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Benutzername"] = Fallmanagerin.Benutzername,
                ["Passwort"] = Fallmanagerin.Passwort,
                ["Code"] = await Factory.CodeAsync(Fallmanagerin),
                ["__kimaf"] = token,
            }));
            anmeldung.StatusCode.ShouldBe(HttpStatusCode.Redirect, await anmeldung.Content.ReadAsStringAsync());
        }

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = AppClient,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid kim.konto kim.faelle offline_access",
            ["state"] = "zustand-1",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = methode;
        }

        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/connect/authorize", query);
        var adresse = new Uri(browser.BaseAddress!, url);
        for (var i = 0; i < 5; i++)
        {
            using var antwort = await browser.GetAsync(adresse);
            if ((int)antwort.StatusCode is < 300 or >= 400)
            {
                return adresse;
            }

            adresse = new Uri(adresse, antwort.Headers.Location!);
            if (!adresse.Host.Equals(browser.BaseAddress!.Host, StringComparison.OrdinalIgnoreCase) || adresse.Port != browser.BaseAddress.Port)
            {
                return adresse;
            }
        }

        return adresse;
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    /// <summary>Runs a script of tests/oidc-client with Node (installs the package with npm ci if needed); returns its JSON output.</summary>
    public static async Task<JsonNode> NodeAsync(string skript, IDictionary<string, string> umgebung)
    {
        var ordner = Path.Combine(SignalRTreiber.Wurzel(), "tests", "oidc-client");
        if (!File.Exists(Path.Combine(ordner, "node_modules", "openid-client", "package.json")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = ordner, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var fehler = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync();
            await npm.WaitForExitAsync();
            npm.ExitCode.ShouldBe(0, await fehler);
        }

        var start = new ProcessStartInfo("node", skript) { WorkingDirectory = ordner, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NODE_EXTRA_CA_CERTS"] = KimWebFactory.ZertifikatPem;
        foreach (var (k, v) in umgebung)
        {
            start.Environment[k] = v;
        }

        using var node = Process.Start(start)!;
        var ausgabe = node.StandardOutput.ReadToEndAsync();
        var fehlerausgabe = node.StandardError.ReadToEndAsync();
        using var abbruch = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await node.WaitForExitAsync(abbruch.Token);
        var text = await ausgabe;
        node.ExitCode.ShouldBe(0, await fehlerausgabe);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Keine Ausgabe von " + skript);
    }

    public async Task DisposeAsync()
    {
        FmClient?.Dispose();
        AdminClient?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Schluessel.Dispose();
    }

    [GeneratedRegex("name=\"__kimaf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryMuster();
}
