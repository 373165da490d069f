using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Konto;

/// <summary>Two-factor enrolment in the browser: shared key, first code, recovery codes.</summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikAngemeldet)]
public sealed class ZweiFaktorModel(UserManager<Benutzer> benutzer, SitzungsDienst sitzungen, IAuditProtokoll audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Schluessel { get; private set; }

    public string? OtpAuthUri { get; private set; }

    public bool BereitsAktiv { get; private set; }

    public string? Fehler { get; private set; }

    public IReadOnlyList<string>? Wiederherstellungscodes { get; private set; }

    public async Task OnGetAsync() => await VorbereitenAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await benutzer.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var codes = await ZweiFaktorEinrichtung.BestaetigenAsync(benutzer, user, Code);
        if (codes is null)
        {
            Fehler = "Der Code stimmt nicht. Bitte prüfen Sie die Uhrzeit Ihres Geräts und geben Sie den aktuellen Code ein.";
            await VorbereitenAsync();
            return Page();
        }

        if (HttpContext.Features.Get<SitzungsMerkmal>()?.Sitzung is { } sitzung)
        {
            await sitzungen.ZweiterFaktorBestaetigtAsync(sitzung.Id, HttpContext.RequestAborted);
        }

        audit.Vormerken("Konto.ZweiFaktorEingerichtet", null, null, null);
        Wiederherstellungscodes = codes;
        return Page();
    }

    private async Task VorbereitenAsync()
    {
        var user = await benutzer.GetUserAsync(User);
        if (user is null)
        {
            return;
        }

        BereitsAktiv = user.TwoFactorEnabled;
        if (!BereitsAktiv)
        {
            Schluessel = await benutzer.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(Schluessel))
            {
                await benutzer.ResetAuthenticatorKeyAsync(user);
                Schluessel = await benutzer.GetAuthenticatorKeyAsync(user);
            }

            OtpAuthUri = ZweiFaktorEinrichtung.OtpAuthUri(user.UserName ?? user.Id, Schluessel!);
        }
    }
}
