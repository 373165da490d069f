using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Authorization;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// Every role that sees personal data must have signed in with a second factor (or just enrolled one in this session).
/// A partner system has no person and no session: its client secret and the active client (checked per request) count.
/// </summary>
internal sealed class ZweiFaktorAnforderung : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var http = context.Resource as HttpContext;
        var sitzung = http?.Features.Get<SitzungsMerkmal>()?.Sitzung;
        var rollen = context.User.FindAll(ClaimTypes.Role).Select(c => c.Value);
        if (context.User.Identity?.IsAuthenticated == true && (!ZweiFaktorPflicht.Gilt(rollen) || sitzung?.ZweiterFaktor == true || http?.Features.Get<PartnersystemMerkmal>() is not null))
        {
            context.Succeed(this);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Fail(new AuthorizationFailureReason(this, ZweiFaktorFehlt));
        }

        return Task.CompletedTask;
    }

    public const string ZweiFaktorFehlt = "Für Ihre Rolle ist die Zwei-Faktor-Anmeldung vorgeschrieben. Bitte richten Sie sie ein (Konto → Zwei-Faktor-Anmeldung).";
}
