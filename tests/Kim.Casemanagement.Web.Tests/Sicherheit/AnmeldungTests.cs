using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>Sign-in over real HTTPS: password rules, lockout on every path, two-factor enforcement, sessions ending on the server.</summary>
public sealed class AnmeldungTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private KimWebFactory Factory => api.Factory;

    [Theory]
    [InlineData("kurz-11zchn", "Das Passwort muss mindestens 12 Zeichen lang sein.")]
    [InlineData("123qweasdzxc", "Dieses Passwort ist zu verbreitet.")]
    [InlineData("passwort1234", "Dieses Passwort ist zu verbreitet.")]
    public async Task BenutzerAnlegen_WhenPasswordIsTooShortOrCommon_IsRefusedWithGermanReason(string passwort, string grund)
    {
        var admin = await Factory.AngemeldetAsync(await Factory.KontoAsync($"adm.pw{Guid.NewGuid():N}"[..20], Rolle.Administration));

        using var antwort = await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = $"neu.{Guid.NewGuid():N}"[..16], anzeigename = "Neu", rollen = new[] { "Lenkungsgruppe" }, passwort });

        var problem = await antwort.ProblemAsync(HttpStatusCode.BadRequest);
        string.Join(" ", problem.Fehler("passwort")).ShouldStartWith(grund);
    }

    [Fact]
    public async Task BenutzerAnlegen_WhenPasswordIsLongWithoutCompositionRules_IsAccepted()
    {
        var admin = await Factory.AngemeldetAsync(await Factory.KontoAsync("adm.pwok", Rolle.Administration));

        using var antwort = await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = "lg.satz", anzeigename = "Satz", rollen = new[] { "Lenkungsgruppe" }, passwort = "nur kleinbuchstaben und leerzeichen" });

        antwort.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Anmelden_WhenPasswordIsWrongFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        var konto = await Factory.KontoAsync("fm.sperre", Rolle.Fallmanagement, "Team A");
        using var client = Factory.NeuerClient();
        for (var i = 0; i < 5; i++)
        {
            using var falsch = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = "falsches-passwort-" + i });
            (await falsch.ProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNullOrWhiteSpace();
        }

        using var richtig = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = await Factory.CodeAsync(konto) });

        (await richtig.ProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldContain("gesperrt");
    }

    [Fact]
    public async Task Anmelden_WhenTheSecondFactorIsWrongRepeatedly_CountsTowardsLockout()
    {
        var konto = await Factory.KontoAsync("fm.sperre2", Rolle.Fallmanagement, "Team A");
        using var client = Factory.NeuerClient();
        for (var i = 0; i < 5; i++)
        {
            using var falsch = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = "000000" });
            falsch.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var richtig = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = await Factory.CodeAsync(konto) });

        (await richtig.ProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldContain("gesperrt");
    }

    [Fact]
    public async Task Anmelden_InTheBrowserWithWrongPasswords_LocksTheAccountToo()
    {
        var konto = await Factory.KontoAsync("fm.sperre3", Rolle.Fallmanagement, "Team A");
        var cookies = new CookieContainer();
        using var browser = Factory.NeuerClient(cookies);
        for (var i = 0; i < 5; i++)
        {
            using var falsch = await Browser.AnmeldenAsync(browser, konto.Benutzername, "falsch-" + i, null);
            falsch.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var richtig = await Browser.AnmeldenAsync(browser, konto.Benutzername, konto.Passwort, await Factory.CodeAsync(konto));

        richtig.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await richtig.Content.ReadAsStringAsync()).ShouldContain("vorübergehend gesperrt");
    }

    [Fact]
    public async Task Anmelden_WhenTwoFactorIsEnabledButNoCodeGiven_AsksForTheSecondFactor()
    {
        var konto = await Factory.KontoAsync("fm.code", Rolle.Fallmanagement, "Team A");
        using var client = Factory.NeuerClient();

        using var antwort = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort });

        var problem = await antwort.ProblemAsync(HttpStatusCode.Unauthorized);
        problem["zweiterFaktorErforderlich"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Anmelden_WhenTheSameCodeIsUsedTwice_RefusesTheReplay()
    {
        var konto = await Factory.KontoAsync("fm.replay", Rolle.Fallmanagement, "Team A");
        using var client = Factory.NeuerClient();
        var code = await Factory.CodeAsync(konto);
        using var erste = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code });
        erste.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var zweite = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code });

        zweite.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Fallmanagement_WithoutTwoFactor_GetsOnlyTheEnrolmentUntilItIsSetUp()
    {
        var konto = await Factory.KontoAsync("fm.ohne2fa", Rolle.Fallmanagement, "Team A", zweiFaktor: false);
        using var client = Factory.NeuerClient();
        var token = (await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort }).OkAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var gesperrt = await client.GetAsync("/api/faelle").ProblemAsync(HttpStatusCode.Forbidden);
        gesperrt.Detail().ShouldContain("Zwei-Faktor-Anmeldung");

        var schluessel = (await client.GetAsync("/api/konto/zwei-faktor").OkAsync())["schluessel"]!.GetValue<string>();
        var code = Kim.Casemanagement.Infrastructure.Identitaet.Totp.Code(
            Kim.Casemanagement.Infrastructure.Identitaet.Totp.Base32Dekodieren(schluessel),
            Kim.Casemanagement.Infrastructure.Identitaet.Totp.Zeitschritt(DateTimeOffset.UtcNow));
        var codes = (await client.PostAsJsonAsync("/api/konto/zwei-faktor", new { code }).OkAsync())["wiederherstellungscodes"]!.AsArray();
        codes.Count.ShouldBe(10);

        (await client.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lenkungsgruppe_WithoutTwoFactor_MaySignIn()
    {
        var konto = await Factory.KontoAsync("lg.ohne2fa", Rolle.Lenkungsgruppe, zweiFaktor: false);
        using var client = Factory.NeuerClient();
        var token = (await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort }).OkAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ich = await client.GetAsync("/api/konto").OkAsync();

        ich["zweiFaktorPflicht"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Abmelden_WithABearerToken_EndsTheTokenOnTheServerAtOnce()
    {
        var konto = await Factory.KontoAsync("fm.abmelden", Rolle.Fallmanagement, "Team A");
        using var client = await Factory.AngemeldetAsync(konto);
        (await client.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/konto/abmeldung", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/faelle").ProblemAsync(HttpStatusCode.Unauthorized)).Titel().ShouldBe("Nicht angemeldet");
    }

    [Fact]
    public void Anwendung_CookieAndAccessToken_AreReadThroughTheTicketCache()
    {
        // The two tests around this one show that logout ends a token or cookie at once although it was read through the cache.
        Factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector.ShouldBeOfType<TicketZwischenspeicher>();
        Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat.ShouldBeOfType<TicketZwischenspeicher>();
    }

    [Fact]
    public async Task Abmelden_InTheBrowser_EndsTheCookieSessionOnTheServerEvenIfTheCookieIsReplayed()
    {
        var konto = await Factory.KontoAsync("fm.cookie", Rolle.Fallmanagement, "Team A");
        var cookies = new CookieContainer();
        using var browser = Factory.NeuerClient(cookies);
        using (var anmeldung = await Browser.AnmeldenAsync(browser, konto.Benutzername, konto.Passwort, await Factory.CodeAsync(konto)))
        {
            anmeldung.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var sitzungsCookie = cookies.GetCookies(Factory.Adresse)["__Host-kim"]!.Value;
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var abmeldung = await Browser.PostFormularAsync(browser, "/", "/Konto/Abmelden", []))
        {
            abmeldung.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Replaying the old cookie value (as an attacker who copied it would) no longer gets in.
        using var angreifer = Factory.NeuerClient();
        using var anfrage = new HttpRequestMessage(HttpMethod.Get, "/api/faelle");
        anfrage.Headers.Add("Cookie", "__Host-kim=" + sitzungsCookie);
        (await angreifer.SendAsync(anfrage)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deaktivieren_EndsEverySessionAndTokenOfTheUserAtOnceAndBlocksSignIn()
    {
        var konto = await Factory.KontoAsync("fm.deaktiviert", Rolle.Fallmanagement, "Team A");
        using var sitzung1 = await Factory.AngemeldetAsync(konto);
        using var sitzung2 = await Factory.AngemeldetAsync(konto);
        (await sitzung1.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await Factory.AngemeldetAsync(await Factory.KontoAsync("adm.deakt", Rolle.Administration));

        (await admin.PostAsync($"/api/admin/benutzer/{konto.Id}/deaktivierung", null).OkAsync())["aktiv"]!.GetValue<bool>().ShouldBeFalse();

        (await sitzung1.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await sitzung2.GetAsync("/api/faelle")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var neu = Factory.NeuerClient();
        (await neu.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = await Factory.CodeAsync(konto) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Erneuern_WithARefreshToken_WorksOnlyWhileTheSessionLasts()
    {
        var konto = await Factory.KontoAsync("fm.erneuern", Rolle.Fallmanagement, "Team A");
        using var client = Factory.NeuerClient();
        var anmeldung = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort, code = await Factory.CodeAsync(konto) }).OkAsync();
        var erneuerung = anmeldung["refreshToken"]!.GetValue<string>();

        var neu = await client.PostAsJsonAsync("/api/anmeldung/erneuern", new { erneuerungsToken = erneuerung }).OkAsync();
        neu["accessToken"]!.GetValue<string>().ShouldNotBe(anmeldung["accessToken"]!.GetValue<string>());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", neu["accessToken"]!.GetValue<string>());
        (await client.PostAsync("/api/konto/abmeldung", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        client.DefaultRequestHeaders.Authorization = null;

        (await client.PostAsJsonAsync("/api/anmeldung/erneuern", new { erneuerungsToken = erneuerung })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anmelden_WithAWrongUserName_AnswersLikeAWrongPassword()
    {
        using var client = Factory.NeuerClient();

        var unbekannt = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = "gibt.es.nicht", passwort = "irgendein-langes-passwort" }).ProblemAsync(HttpStatusCode.Unauthorized);
        var konto = await Factory.KontoAsync("fm.gleich", Rolle.Fallmanagement, "Team A");
        var falsch = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = "irgendein-langes-passwort" }).ProblemAsync(HttpStatusCode.Unauthorized);

        unbekannt.Detail().ShouldBe(falsch.Detail());
    }

    [Fact]
    public async Task Api_WithoutSignIn_Answers401ProblemDetails()
    {
        using var client = Factory.NeuerClient();

        var problem = await client.GetAsync($"/api/faelle/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.Unauthorized);

        problem.Detail().ShouldContain("melden Sie sich an");
    }

    [Fact]
    public async Task Partner_WithoutAuthority_CannotBeCreated()
    {
        var admin = await Factory.AngemeldetAsync(await Factory.KontoAsync("adm.partner", Rolle.Administration));

        var problem = await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = "jc.ohne", anzeigename = "Ohne", rollen = new[] { "Partner" }, passwort = "ein-langes-passwort-2026" })
            .ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldContain("behoerde");
        _ = Behoerde.Jobcenter;
    }
}
