using System.Security.Claims;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Sign-in for API clients (bearer tokens), token refresh, logout, the own account, two-factor enrolment, password change.</summary>
internal static class KontoApi
{
    public static void MapKontoApi(this IEndpointRouteBuilder routes)
    {
        var anmeldung = routes.MapGroup("/api/anmeldung").WithTags("Anmeldung").AllowAnonymous().RequireRateLimiting(SicherheitsKonfiguration.RateAnmeldung);
        anmeldung.MapPost("/", Anmelden).WithName("Anmelden").WithSummary("Anmeldung mit Benutzername, Passwort und zweitem Faktor; liefert Bearer-Token.");
        anmeldung.MapPost("/erneuern", Erneuern).WithName("TokenErneuern").WithSummary("Neues Zugriffstoken mit dem Erneuerungstoken, solange die Sitzung gilt.");

        var konto = routes.MapGroup("/api/konto").WithTags("Konto").RequireAuthorization(SicherheitsKonfiguration.PolitikAngemeldet).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        konto.MapPost("/abmeldung", Abmelden).WithName("Abmelden").WithSummary("Beendet die Sitzung auf dem Server (Token und Cookie gelten sofort nicht mehr).");
        konto.MapGet("/", Ich).WithName("Konto");
        konto.MapGet("/zwei-faktor", ZweiFaktorSchluessel).WithName("ZweiFaktorSchluessel").WithSummary("Schlüssel und otpauth-Adresse zum Einrichten der Authenticator-App.");
        konto.MapPost("/zwei-faktor", ZweiFaktorBestaetigen).WithName("ZweiFaktorBestaetigen").WithSummary("Bestätigt den ersten Code, schaltet die Zwei-Faktor-Anmeldung ein und liefert Wiederherstellungscodes.");
        konto.MapPost("/wiederherstellungscodes", NeueWiederherstellungscodes).WithName("Wiederherstellungscodes").RequireAuthorization();
        konto.MapPost("/passwort", PasswortAendern).WithName("PasswortAendern").RequireAuthorization();
    }

    internal static async Task<IResult> Anmelden(AnmeldeAnfrage anfrage, AnmeldeDienst dienst, IAuditProtokoll audit, HttpContext http, CancellationToken ct)
    {
        var ergebnis = await dienst.AnmeldenAsync(anfrage.Mandant, anfrage.Benutzername ?? string.Empty, anfrage.Passwort ?? string.Empty, anfrage.Code, anfrage.Wiederherstellungscode, "Token", ct);
        audit.Vormerken(ergebnis.Status == AnmeldeStatus.Erfolgreich ? "Anmeldung.Erfolgreich" : "Anmeldung." + ergebnis.Status, "Token", null, null);
        switch (ergebnis.Status)
        {
            case AnmeldeStatus.Erfolgreich:
                var principal = new ClaimsPrincipal(new ClaimsIdentity(ergebnis.Principal!.Claims, IdentityConstants.BearerScheme, ClaimTypes.Name, ClaimTypes.Role));
                await http.SignInAsync(IdentityConstants.BearerScheme, principal);
                return Results.Empty;
            case AnmeldeStatus.ZweiterFaktorErforderlich:
                return Problem(401, "Zweiter Faktor erforderlich", "Bitte geben Sie den Code aus Ihrer Authenticator-App (oder einen Wiederherstellungscode) an.", zweiterFaktor: true);
            case AnmeldeStatus.Gesperrt:
                return Problem(401, "Anmeldung nicht möglich", "Zu viele Fehlversuche: Das Konto ist vorübergehend gesperrt. Bitte versuchen Sie es später erneut.");
            default:
                return Problem(401, "Anmeldung fehlgeschlagen", "Benutzername, Passwort oder Code sind nicht korrekt.");
        }
    }

    private static async Task<IResult> Erneuern(ErneuernAnfrage anfrage, IOptionsMonitor<BearerTokenOptions> optionen, SitzungsDienst sitzungen, TimeProvider zeit, HttpContext http, CancellationToken ct)
    {
        var ticket = string.IsNullOrEmpty(anfrage.ErneuerungsToken) ? null : optionen.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(anfrage.ErneuerungsToken);
        if (ticket?.Properties.ExpiresUtc is not { } ablauf || zeit.GetUtcNow() >= ablauf
            || !Guid.TryParse(ticket.Principal.FindFirstValue(Anspruch.Sitzung), out var sid) || await sitzungen.PruefenAsync(sid, ct) is null)
        {
            return Problem(401, "Nicht angemeldet", "Das Erneuerungstoken ist ungültig, abgelaufen oder die Sitzung wurde beendet.");
        }

        await http.SignInAsync(IdentityConstants.BearerScheme, ticket.Principal);
        return Results.Empty;
    }

    private static async Task<NoContent> Abmelden(HttpContext http, SitzungsDienst sitzungen, IAuditProtokoll audit, CancellationToken ct)
    {
        if (Guid.TryParse(http.User.FindFirstValue(Anspruch.Sitzung), out var sid))
        {
            await sitzungen.BeendenAsync(sid, "Abmeldung", ct);
        }

        audit.Vormerken("Abmeldung", null, null, null);
        if (http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<KontoAntwort>> Ich(HttpContext http, UserManager<Benutzer> benutzer)
    {
        var user = await benutzer.GetUserAsync(http.User) ?? throw new Domain.Common.NichtGefundenException("Konto nicht gefunden.");
        var rollen = await benutzer.GetRolesAsync(user);
        return TypedResults.Ok(new KontoAntwort(
            user.Id, user.UserName ?? string.Empty, user.Anzeigename, rollen.Order().ToArray(), user.TeamId, user.Behoerde?.ToString(),
            user.TwoFactorEnabled, ZweiFaktorPflicht.Gilt(rollen), http.Features.Get<SitzungsMerkmal>()?.Sitzung.ZweiterFaktor == true));
    }

    private static async Task<IResult> ZweiFaktorSchluessel(HttpContext http, UserManager<Benutzer> benutzer)
    {
        var user = await benutzer.GetUserAsync(http.User) ?? throw new Domain.Common.NichtGefundenException("Konto nicht gefunden.");
        if (user.TwoFactorEnabled)
        {
            return Problem(409, "Bereits eingerichtet", "Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.");
        }

        var schluessel = await benutzer.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(schluessel))
        {
            await benutzer.ResetAuthenticatorKeyAsync(user);
            schluessel = await benutzer.GetAuthenticatorKeyAsync(user);
        }

        return TypedResults.Ok(new ZweiFaktorSchluesselAntwort(schluessel!, ZweiFaktorEinrichtung.OtpAuthUri(user.UserName ?? user.Id, schluessel!)));
    }

    private static async Task<IResult> ZweiFaktorBestaetigen(CodeAnfrage anfrage, HttpContext http, UserManager<Benutzer> benutzer, SitzungsDienst sitzungen, IAuditProtokoll audit)
    {
        var user = await benutzer.GetUserAsync(http.User) ?? throw new Domain.Common.NichtGefundenException("Konto nicht gefunden.");
        var codes = await ZweiFaktorEinrichtung.BestaetigenAsync(benutzer, user, anfrage.Code);
        if (codes is null)
        {
            return Problem(400, "Code ungültig", "Der Code stimmt nicht. Bitte prüfen Sie die Uhrzeit Ihres Geräts und geben Sie den aktuellen Code ein.");
        }

        if (http.Features.Get<SitzungsMerkmal>()?.Sitzung is { } sitzung)
        {
            await sitzungen.ZweiterFaktorBestaetigtAsync(sitzung.Id, http.RequestAborted);
        }

        audit.Vormerken("Konto.ZweiFaktorEingerichtet", null, null, null);
        return TypedResults.Ok(new WiederherstellungscodesAntwort(codes));
    }

    private static async Task<Ok<WiederherstellungscodesAntwort>> NeueWiederherstellungscodes(HttpContext http, UserManager<Benutzer> benutzer)
    {
        var user = await benutzer.GetUserAsync(http.User) ?? throw new Domain.Common.NichtGefundenException("Konto nicht gefunden.");
        var codes = await benutzer.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        return TypedResults.Ok(new WiederherstellungscodesAntwort(codes.ToArray()));
    }

    private static async Task<IResult> PasswortAendern(PasswortAnfrage anfrage, HttpContext http, UserManager<Benutzer> benutzer, SitzungsDienst sitzungen, IAuditProtokoll audit, CancellationToken ct)
    {
        var user = await benutzer.GetUserAsync(http.User) ?? throw new Domain.Common.NichtGefundenException("Konto nicht gefunden.");
        var ergebnis = await benutzer.ChangePasswordAsync(user, anfrage.Bisher ?? string.Empty, anfrage.Neu ?? string.Empty);
        if (!ergebnis.Succeeded)
        {
            throw new Domain.Common.DomainException("Das Passwort wurde nicht geändert.", new Dictionary<string, string[]> { ["neu"] = ergebnis.Errors.Select(e => e.Description).ToArray() });
        }

        // Every other session ends; this one continues.
        var eigene = http.User.FindFirstValue(Anspruch.Sitzung);
        await sitzungen.AlleAusserBeendenAsync(user.Id, Guid.TryParse(eigene, out var sid) ? sid : Guid.Empty, "Passwortwechsel", ct);
        audit.Vormerken("Konto.PasswortGeaendert", null, null, null);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string titel, string detail, bool zweiterFaktor = false)
    {
        var problem = new ProblemDetails { Status = status, Title = titel, Detail = detail };
        if (zweiterFaktor)
        {
            problem.Extensions["zweiterFaktorErforderlich"] = true;
        }

        return TypedResults.Problem(problem);
    }
}

/// <summary>Body of POST /api/anmeldung. <c>Mandant</c>: the key of the Kommune (optional; without it the user name must be unambiguous among the active Mandanten).</summary>
public sealed record AnmeldeAnfrage(string? Benutzername, string? Passwort, string? Code, string? Wiederherstellungscode, string? Mandant = null);

/// <summary>Body of POST /api/anmeldung/erneuern.</summary>
public sealed record ErneuernAnfrage(string? ErneuerungsToken);

/// <summary>Body of POST /api/konto/zwei-faktor.</summary>
public sealed record CodeAnfrage(string? Code);

/// <summary>Body of POST /api/konto/passwort.</summary>
public sealed record PasswortAnfrage(string? Bisher, string? Neu);

public sealed record KontoAntwort(string Id, string Benutzername, string Anzeigename, IReadOnlyList<string> Rollen, Guid? TeamId, string? Behoerde, bool ZweiFaktorAktiv, bool ZweiFaktorPflicht, bool SitzungMitZweitemFaktor);

public sealed record ZweiFaktorSchluesselAntwort(string Schluessel, string OtpAuthUri);

public sealed record WiederherstellungscodesAntwort(IReadOnlyList<string> Wiederherstellungscodes);
