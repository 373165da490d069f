using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Web.Hosting;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Pages.Konto;

/// <summary>
/// Browser sign-in: Kommune (only when more than one Mandant is active), password, second factor, a server-side session
/// behind the cookie. User names are unique per Mandant (migration 0021), so the Kommune is part of the credentials; the
/// one chosen at the last successful sign-in is remembered in a cookie of its own (the key only, nothing personal).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Sicherheit.SicherheitsKonfiguration.RateAnmeldung)]
public sealed class AnmeldenModel(AnmeldeDienst anmeldung, IAuditProtokoll audit, IWebHostEnvironment umgebung, DemoDaten demo, IOptions<KommuneIdpOptionen> kommuneIdp, MandantenVerwaltung mandanten) : PageModel
{
    /// <summary>The cookie that remembers the Kommune of the last successful sign-in on this browser (a year).</summary>
    public static string KommuneCookie => SicherheitsKonfiguration.CookieName + "-kommune";

    /// <summary>The key of the chosen Kommune (Mandant); shown only when more than one Mandant is active.</summary>
    [BindProperty]
    public string? Kommune { get; set; }

    /// <summary>The active Mandanten, offered in the "Kommune" field when there are at least two.</summary>
    public IReadOnlyList<Mandant> Kommunen { get; private set; } = [];

    public bool KommuneWaehlen => Kommunen.Count > 1;

    [BindProperty]
    public string? Benutzername { get; set; }

    [BindProperty]
    public string? Passwort { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Wiederherstellungscode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Zurueck { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grund { get; set; }

    public string? Fehler { get; private set; }

    public string? Hinweis { get; private set; }

    public IReadOnlyList<DemoZugang> DemoZugaenge { get; private set; } = [];

    public string DemoPasswort => DemoDaten.Passwort;

    /// <summary>The name on the button for the Kommune's identity provider; null when none is configured.</summary>
    public string? KommuneIdp => kommuneIdp.Value.Aktiv ? kommuneIdp.Value.Anzeigename : null;

    /// <summary>Where the button for the Kommune's identity provider leads (with the page to return to).</summary>
    public string ExternUrl => Url.IsLocalUrl(Zurueck)
        ? "/Konto/Extern?handler=Start&zurueck=" + Uri.EscapeDataString(Zurueck!)
        : "/Konto/Extern?handler=Start";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await KommunenLadenAsync(ct);
        if (Request.Cookies.TryGetValue(KommuneCookie, out var gemerkt) && Kommunen.Any(k => k.Schluessel == gemerkt))
        {
            Kommune = gemerkt;
        }

        Hinweis = Grund switch
        {
            "abgemeldet" => "Sie wurden abgemeldet.",
            "abgelaufen" => "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
            _ => null,
        };
        await DemoLadenAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await KommunenLadenAsync(ct);

        // One active Mandant (or none offered): no field; the sign-in looks the name up among the active Mandanten.
        var mandant = KommuneWaehlen && !string.IsNullOrWhiteSpace(Kommune) ? Kommune.Trim() : null;
        var ergebnis = await anmeldung.AnmeldenAsync(mandant, Benutzername ?? string.Empty, Passwort ?? string.Empty, Code, Wiederherstellungscode, "Cookie", ct);
        audit.Vormerken(ergebnis.Status == AnmeldeStatus.Erfolgreich ? "Anmeldung.Erfolgreich" : "Anmeldung." + ergebnis.Status, "Cookie", null, null);
        switch (ergebnis.Status)
        {
            case AnmeldeStatus.Erfolgreich:
                await CookieAnmeldung.AnmeldenAsync(HttpContext, ergebnis);
                KommuneMerken(mandant);
                if (ergebnis.ZweiFaktorEinrichtenNoetig)
                {
                    return Redirect("/Konto/ZweiFaktor");
                }

                return LocalRedirect(Url.IsLocalUrl(Zurueck) ? Zurueck! : "/");
            case AnmeldeStatus.ZweiterFaktorErforderlich:
                Fehler = "Bitte geben Sie zusätzlich den Code aus Ihrer Authenticator-App ein (oder einen Wiederherstellungscode).";
                break;
            case AnmeldeStatus.Gesperrt:
                Fehler = "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. Bitte versuchen Sie es später erneut.";
                break;
            default:
                Fehler = "Benutzername, Passwort oder Code sind nicht korrekt.";
                break;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await DemoLadenAsync();
        return Page();
    }

    private async Task KommunenLadenAsync(CancellationToken ct) => Kommunen = await mandanten.AktiveAsync(ct);

    /// <summary>Remembers the Kommune for the next sign-in on this browser (only after a successful one: a failed attempt stores nothing).</summary>
    private void KommuneMerken(string? mandant)
    {
        if (mandant is null)
        {
            return;
        }

        Response.Cookies.Append(KommuneCookie, mandant, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps || KommuneCookie.StartsWith("__Host-", StringComparison.Ordinal),
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    private async Task DemoLadenAsync()
    {
        if (umgebung.IsDevelopment())
        {
            DemoZugaenge = await demo.ZugaengeMitCodesAsync();
        }
    }
}
