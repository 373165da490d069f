using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Echtzeit;
using Kim.Casemanagement.Web.Tests.Browser;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Betrieb;

/// <summary>
/// The installation of infra/: Debian's nginx with the shipped site file (TLS with a test certificate), two app
/// instances on plain HTTP behind it (round robin, no affinity) on one PostgreSQL database, and the real browser signed
/// in through nginx. The instances' dispatchers poll only every ten minutes here, so a notice that shows within seconds
/// in a browser connected to the other instance came through the cross-instance wake-up.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class NginxBrowserTests(BrowserFixture fx) : IAsyncLifetime
{
    private static readonly TimeSpan Frist = TimeSpan.FromSeconds(20);
    private TestDatabase _database = null!;
    private KimWebFactory _a = null!;
    private KimWebFactory _b = null!;
    private readonly HashSet<KimWebFactory> _beendet = [];
    private NginxProxy _nginx = null!;
    private TestKonto _fallmanagerin = null!;
    private TestKonto _kollegin = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("nginx");
        var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        einstellungen["Benachrichtigungen:Abfrageintervall"] = "00:10:00";
        _a = new KimWebFactory(einstellungen, tls: false);
        _a.StartServer();
        _b = new KimWebFactory(einstellungen, tls: false);
        _b.StartServer();
        _nginx = await NginxProxy.StartenAsync([_a.Adresse.Port, _b.Adresse.Port]);
        _fallmanagerin = await _a.KontoAsync("fm.proxy", Rolle.Fallmanagement, "Team A");
        _kollegin = await _a.KontoAsync("fm.proxy.kollegin", Rolle.Fallmanagement, "Team A");
    }

    public async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        foreach (var app in new[] { _a, _b }.Where(a => !_beendet.Contains(a)))
        {
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Toast_ForAChangeThroughOneInstance_ReachesTheBrowserOnTheOther_AndAfterThatInstanceDiesTheBrowserCatchesUpOnTheSurvivor()
    {
        var kontext = await fx.KontextAsync(adresse: _nginx.Adresse);
        var seite = await fx.UeberAnmeldeseiteAsync(kontext, _kollegin, _a);
        await seite.GotoAsync("/");
        await Expect(seite.Locator("body[data-live='verbunden']")).ToHaveCountAsync(1);

        // Round robin without affinity: the browser's requests went to both instances, and it never negotiated.
        var zugriffe = _nginx.Zugriffe();
        zugriffe.ShouldContain(z => z.EndsWith($"127.0.0.1:{_a.Adresse.Port}", StringComparison.Ordinal), string.Join('\n', zugriffe));
        zugriffe.ShouldContain(z => z.EndsWith($"127.0.0.1:{_b.Adresse.Port}", StringComparison.Ordinal), string.Join('\n', zugriffe));
        zugriffe.ShouldNotContain(z => z.Contains("/negotiate", StringComparison.Ordinal));

        var (traeger, andere) = await HubInstanzAsync();
        using var fm = await andere.AngemeldetAsync(_fallmanagerin);
        var fallId = await fm.NeuerFallAsync();
        var heute = BrowserFixture.BenachrichtigungsHeute();
        (await fm.PostAsJsonAsync($"/api/faelle/{fallId}/vertretungen", new { benutzerId = _kollegin.Id, von = heute, bis = heute.AddDays(7) })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var toasts = seite.Locator("#toasts .toast");
        await Expect(toasts.Filter(new() { HasText = "Vertretung im Fall" })).ToHaveCountAsync(1, new() { Timeout = (float)Frist.TotalMilliseconds });

        // The instance that holds the browser's WebSocket stops; a step made meanwhile on the survivor reaches the
        // browser after it reconnected through nginx (live or by catch-up from its last seq), once, and the page never
        // says the connection ended.
        await traeger.DisposeAsync();
        _beendet.Add(traeger);
        (await fm.SchrittAsync(fallId, "Leistungen", "AsylbLGBewilligen", heute.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Expect(toasts.Filter(new() { HasText = "Neuer Schritt im Fall" })).ToHaveCountAsync(1, new() { Timeout = (float)Frist.TotalMilliseconds });
        await Expect(toasts.Filter(new() { HasText = "Verbindung beendet" })).ToHaveCountAsync(0);
        andere.Services.GetRequiredService<VerbindungsRegister>().Anzahl.ShouldBe(1);
        await kontext.CloseAsync();
    }

    [Fact]
    public async Task ShippedSite_RedirectsPlainHttpToHttps_AndForwardsTheSchemeSoThatLoginCookiesAreSecure()
    {
        using var ohneTls = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var umleitung = await ohneTls.GetAsync(new Uri(_nginx.HttpAdresse, "/Konto/Anmelden"));
        umleitung.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        umleitung.Headers.Location!.Scheme.ShouldBe("https");

        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == _nginx.Zertifikat.GetCertHashString(),
            },
        })
        { BaseAddress = _nginx.Adresse };
        using var anmeldeseite = await client.GetAsync("/Konto/Anmelden");
        anmeldeseite.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = anmeldeseite.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(k => k.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The instance whose register holds the browser's one hub connection, and the other.</summary>
    private async Task<(KimWebFactory Traeger, KimWebFactory Andere)> HubInstanzAsync()
    {
        var bis = DateTime.UtcNow + Frist;
        while (DateTime.UtcNow < bis)
        {
            var aufA = _a.Services.GetRequiredService<VerbindungsRegister>().Anzahl;
            var aufB = _b.Services.GetRequiredService<VerbindungsRegister>().Anzahl;
            if (aufA + aufB == 1)
            {
                return aufA == 1 ? (_a, _b) : (_b, _a);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Keine (oder mehr als eine) Hub-Verbindung des Browsers auf den Instanzen.");
    }
}
