using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Mandanten;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// Narrows the database's row-level security (migration 0020, ADR 0014) to the signed-in user's Mandant for the rest of
/// the request: every EF Core command then runs under it. Requests without a user (sign-in, token endpoint, health)
/// and the provider's administration, whose work spans Mandanten, stay installation-wide.
/// </summary>
internal sealed class MandantZuordnung(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAktuellerBenutzer ich)
    {
        if (!ich.IstAngemeldet || ich.HatRolle(Rolle.Anbieteradministration))
        {
            await next(context);
            return;
        }

        using (MandantKontext.Setzen(ich.Mandant))
        {
            await next(context);
        }
    }
}
