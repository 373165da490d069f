using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>Security headers, cookie flags, and that free text with markup is stored as text and rendered encoded.</summary>
public sealed class HaertungTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/faelle")]
    [InlineData("/Konto/Anmelden")]
    [InlineData("/health/live")]
    public async Task Antwort_AnyPage_CarriesTheSecurityHeaders(string pfad)
    {
        using var antwort = await api.Client.GetAsync(pfad);

        var h = antwort.Headers;
        var csp = h.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        h.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        h.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        h.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        h.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        h.CacheControl!.NoStore.ShouldBeTrue();
        h.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task Anmeldung_InTheBrowser_SetsAHostPrefixedSecureHttpOnlySameSiteStrictCookie()
    {
        var konto = await api.Factory.KontoAsync("fm.kekse", Application.Sicherheit.Rolle.Fallmanagement, "Team A");
        using var browser = api.Factory.NeuerClient(new CookieContainer());

        using var antwort = await Browser.AnmeldenAsync(browser, konto.Benutzername, konto.Passwort, await api.Factory.CodeAsync(konto));

        antwort.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = antwort.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-kim=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
    }

    [Fact]
    public async Task Antiforgery_WhenTheLoginFormIsPostedWithoutToken_IsRefused()
    {
        using var browser = api.Factory.NeuerClient(new CookieContainer());

        using var antwort = await browser.PostAsync("/Konto/Anmelden", new FormUrlEncodedContent([new("Benutzername", "x"), new("Passwort", "y")]));

        antwort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiSchreiben_WithTheLoginCookieButWithoutAntiforgeryHeader_IsRefused()
    {
        var konto = await api.Factory.KontoAsync("fm.csrf", Application.Sicherheit.Rolle.Fallmanagement, "Team A");
        using var browser = api.Factory.NeuerClient(new CookieContainer());
        (await Browser.AnmeldenAsync(browser, konto.Benutzername, konto.Passwort, await api.Factory.CodeAsync(konto))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var problem = await browser.PostAsJsonAsync("/api/faelle", Infrastruktur.Api.Aufnahme()).ProblemAsync(HttpStatusCode.Forbidden);

        problem.Detail().ShouldContain("Antiforgery");
    }

    [Fact]
    public async Task Notiz_WithScriptAndSqlInjection_IsStoredAsTextAndRenderedEncoded()
    {
        var id = await api.Client.NeuerFallAsync();
        const string text = "<script>alert('x')</script> '); DROP TABLE faelle; -- \"<img src=x onerror=alert(1)>\"";
        (await api.Client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var gespeichert = await SqlHilfen.TextAsync(api.Database.SuperuserConnectionString, $"SELECT text FROM notizen WHERE fall_id = '{id}'");
        gespeichert.ShouldBe(text);

        var konto = api.Fallmanagerin;
        using var browser = api.Factory.NeuerClient(new CookieContainer(), weiterleitungen: false);
        (await Browser.AnmeldenAsync(browser, konto.Benutzername, konto.Passwort, await api.Factory.CodeAsync(konto))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await browser.GetStringAsync($"/Faelle/{id}");

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        (await SqlHilfen.TextAsync(api.Database.SuperuserConnectionString, "SELECT count(*)::text FROM faelle")).ShouldNotBe("0");
    }
}
