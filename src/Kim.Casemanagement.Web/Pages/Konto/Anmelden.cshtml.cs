using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Hosting;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Pages.Konto;

/// <summary>Browser sign-in: password, second factor, a server-side session behind the cookie.</summary>
[AllowAnonymous]
[EnableRateLimiting(Sicherheit.SicherheitsKonfiguration.RateAnmeldung)]
public sealed class AnmeldenModel(AnmeldeDienst anmeldung, IAuditProtokoll audit, IWebHostEnvironment umgebung, DemoDaten demo, IOptions<KommuneIdpOptionen> kommuneIdp) : PageModel
{
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

    public async Task OnGetAsync()
    {
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
        var ergebnis = await anmeldung.AnmeldenAsync(Benutzername ?? string.Empty, Passwort ?? string.Empty, Code, Wiederherstellungscode, "Cookie", ct);
        audit.Vormerken(ergebnis.Status == AnmeldeStatus.Erfolgreich ? "Anmeldung.Erfolgreich" : "Anmeldung." + ergebnis.Status, "Cookie", null, null);
        switch (ergebnis.Status)
        {
            case AnmeldeStatus.Erfolgreich:
                await CookieAnmeldung.AnmeldenAsync(HttpContext, ergebnis);
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

    private async Task DemoLadenAsync()
    {
        if (umgebung.IsDevelopment())
        {
            DemoZugaenge = await demo.ZugaengeMitCodesAsync();
        }
    }
}
