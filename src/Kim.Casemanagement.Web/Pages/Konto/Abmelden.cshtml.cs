using System.Security.Claims;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Konto;

/// <summary>Logout (POST with antiforgery): ends the server-side session, then deletes the cookie.</summary>
[AllowAnonymous]
public sealed class AbmeldenModel(SitzungsDienst sitzungen, IAuditProtokoll audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Guid.TryParse(User.FindFirstValue(Anspruch.Sitzung), out var sid))
        {
            await sitzungen.BeendenAsync(sid, "Abmeldung", ct);
            audit.Vormerken("Abmeldung", "Cookie", null, null);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Redirect("/Konto/Anmelden?grund=abgemeldet");
    }
}
