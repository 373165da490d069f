using System.Security.Claims;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Pages.Konto;

/// <summary>
/// Sign-in through the Kommune's identity provider (ADR 0013): the button's link starts the OpenID Connect handler's
/// challenge; the way back reads the external cookie once, hands the validated identity to <see cref="ExterneAnmeldung"/>
/// and opens the session, asks for the local TOTP code, or explains a refusal.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SicherheitsKonfiguration.RateAnmeldung)]
public sealed class ExternModel(ExterneAnmeldung anmeldung, IAuditProtokoll audit, IOptions<KommuneIdpOptionen> optionen) : PageModel
{
    private const string Detail = "Kommune-IdP";
    private const string ZurueckSchluessel = "zurueck";

    [BindProperty(SupportsGet = true)]
    public string? Zurueck { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Wiederherstellungscode { get; set; }

    public string Titel { get; private set; } = "Anmeldung über die Kommune";

    /// <summary>Set after a successful sign-in: where the page's refresh leads.</summary>
    public string? Ziel { get; private set; }

    public bool CodeSchritt { get; private set; }

    public string? Fehler { get; private set; }

    public string? Hinweis { get; private set; }

    public IActionResult OnGet() => Redirect("/Konto/Anmelden");

    /// <summary>The button on the login page (a link, see Anmelden.cshtml): off to the provider.</summary>
    public IActionResult OnGetStart()
    {
        if (!optionen.Value.Aktiv)
        {
            return NotFound();
        }

        var eigenschaften = new AuthenticationProperties { RedirectUri = "/Konto/Extern?handler=Rueckkehr" };
        eigenschaften.Items[ZurueckSchluessel] = Url.IsLocalUrl(Zurueck) ? Zurueck : "/";
        return Challenge(eigenschaften, KommuneIdpKonfiguration.Schema);
    }

    /// <summary>Back from the provider (the handler validated the code, the ID token and PKCE, and set the external cookie).</summary>
    public async Task<IActionResult> OnGetRueckkehrAsync(CancellationToken ct)
    {
        if (!optionen.Value.Aktiv)
        {
            return NotFound();
        }

        var vomIdp = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!vomIdp.Succeeded || Person(vomIdp.Principal!) is not { } person)
        {
            audit.Vormerken("Anmeldung.Fehlgeschlagen", Detail, null, null);
            return Abgelehnt(StatusCodes.Status400BadRequest, "Die Anmeldung über die Kommune ist fehlgeschlagen oder abgelaufen.", "Bitte versuchen Sie es erneut.");
        }

        var zurueck = vomIdp.Properties?.Items.TryGetValue(ZurueckSchluessel, out var z) == true && Url.IsLocalUrl(z) ? z! : "/";
        var ergebnis = await anmeldung.AnmeldenAsync(person, "Cookie", ct);
        if (ergebnis.NeuAngelegt)
        {
            audit.Vormerken("Konto.ExternAngelegt", Detail, null, null);
        }

        audit.Vormerken("Anmeldung." + ergebnis.Status, Detail, null, null);
        switch (ergebnis.Status)
        {
            case ExterneAnmeldeStatus.Erfolgreich:
                return await AngemeldetAsync(ergebnis.Anmeldung!, zurueck);
            case ExterneAnmeldeStatus.ZweiterFaktorErforderlich:
                await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, ergebnis.BenutzerId!), new Claim(ZurueckSchluessel, zurueck)],
                    IdentityConstants.TwoFactorUserIdScheme)));
                CodeSchritt = true;
                return Page();
            case ExterneAnmeldeStatus.KeineZuordnung:
                return Abgelehnt(
                    StatusCodes.Status403Forbidden,
                    "Ihr Konto der Kommune ist für diese Anwendung nicht freigegeben.",
                    "Keine Ihrer Gruppen beim Identity Provider der Kommune ist einer Rolle in Kim.Casemanagement zugeordnet. Bitte wenden Sie sich an die Administration Ihrer Kommune, wenn Sie Zugang brauchen.");
            case ExterneAnmeldeStatus.Gesperrt:
                return Abgelehnt(StatusCodes.Status403Forbidden, "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt.", "Bitte versuchen Sie es später erneut.");
            default:
                return Abgelehnt(
                    StatusCodes.Status403Forbidden,
                    "Ihr Konto in Kim.Casemanagement ist deaktiviert.",
                    "Die Anmeldung über die Kommune ändert daran nichts. Bitte wenden Sie sich an die Administration Ihrer Kommune.");
        }
    }

    /// <summary>The local TOTP step after the provider's sign-in without a second factor.</summary>
    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        var schritt = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!schritt.Succeeded || schritt.Principal!.FindFirstValue(ClaimTypes.NameIdentifier) is not { } benutzerId)
        {
            audit.Vormerken("Anmeldung.Fehlgeschlagen", Detail, null, null);
            return Abgelehnt(StatusCodes.Status400BadRequest, "Der Anmeldeschritt ist abgelaufen.", "Bitte melden Sie sich erneut über die Kommune an.");
        }

        var ergebnis = await anmeldung.CodeAsync(benutzerId, Code, Wiederherstellungscode, "Cookie", ct);
        audit.Vormerken("Anmeldung." + ergebnis.Status, Detail, null, null);
        switch (ergebnis.Status)
        {
            case AnmeldeStatus.Erfolgreich:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                var zurueck = schritt.Principal.FindFirstValue(ZurueckSchluessel);
                await CookieAnmeldung.AnmeldenAsync(HttpContext, ergebnis);
                // A same-site form post: a plain redirect carries the new login cookie.
                return LocalRedirect(ergebnis.ZweiFaktorEinrichtenNoetig ? "/Konto/ZweiFaktor" : Url.IsLocalUrl(zurueck) ? zurueck! : "/");
            case AnmeldeStatus.Gesperrt:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                return Abgelehnt(StatusCodes.Status403Forbidden, "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt.", "Bitte versuchen Sie es später erneut.");
            default:
                CodeSchritt = true;
                Fehler = ergebnis.Status == AnmeldeStatus.ZweiterFaktorErforderlich
                    ? "Bitte geben Sie den Code aus Ihrer Authenticator-App ein (oder einen Wiederherstellungscode)."
                    : "Der Code ist nicht korrekt. Bitte geben Sie den aktuellen Code ein.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    /// <summary>The handler could not complete the sign-in (cancelled at the provider, stale or invalid answer).</summary>
    public IActionResult OnGetFehler()
    {
        audit.Vormerken("Anmeldung.Fehlgeschlagen", Detail, null, null);
        return Abgelehnt(StatusCodes.Status400BadRequest, "Die Anmeldung über die Kommune ist fehlgeschlagen oder wurde abgebrochen.", "Bitte versuchen Sie es erneut oder melden Sie sich mit Benutzername und Passwort an.");
    }

    private async Task<IActionResult> AngemeldetAsync(AnmeldeErgebnis ergebnis, string zurueck)
    {
        await CookieAnmeldung.AnmeldenAsync(HttpContext, ergebnis);
        Ziel = ergebnis.ZweiFaktorEinrichtenNoetig ? "/Konto/ZweiFaktor" : zurueck;
        Titel = "Angemeldet";
        return Page();
    }

    private PageResult Abgelehnt(int status, string fehler, string hinweis)
    {
        Titel = "Anmeldung nicht möglich";
        Fehler = fehler;
        Hinweis = hinweis;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Issuer, subject, name, e-mail, groups, amr and acr of the validated ID token; null without issuer or subject.</summary>
    private ExterneIdentitaet? Person(ClaimsPrincipal p)
    {
        var o = optionen.Value;
        var aussteller = p.FindFirstValue(KommuneIdpKonfiguration.ClaimAussteller);
        var subjekt = p.FindFirstValue(o.SubjektClaim);
        if (string.IsNullOrWhiteSpace(aussteller) || string.IsNullOrWhiteSpace(subjekt))
        {
            return null;
        }

        return new ExterneIdentitaet(
            aussteller,
            subjekt,
            p.FindFirstValue("name"),
            p.FindFirstValue("email"),
            p.FindAll(o.GruppenClaim).Select(c => c.Value).ToArray(),
            p.FindAll("amr").Select(c => c.Value).ToArray(),
            p.FindFirstValue("acr"));
    }
}
