using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// After authentication: the cookie or token is only as good as its server-side session. An ended, idle or expired
/// session turns the request anonymous (and deletes the cookie), so logout and deactivation take effect at once.
/// </summary>
internal sealed class SitzungsPruefung(RequestDelegate next)
{
    /// <summary>Marks a browser request whose login cookie named a session that has ended (the login page then says so).</summary>
    public const string SitzungAbgelaufen = "kim.sitzungAbgelaufen";

    public async Task InvokeAsync(HttpContext context, SitzungsDienst sitzungen, Infrastructure.Tokendienst.ClientVerzeichnis clients)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(Tokendienst.TokendienstKonfiguration.ClaimPartnersystem) is { } clientId)
        {
            // A partner system has no session: its client must be registered and active now (disabling stops its tokens at once).
            if (user.Identity.AuthenticationType == Tokendienst.TokendienstKonfiguration.JwtSchema && await clients.IstAktivAsync(clientId, context.RequestAborted))
            {
                context.Features.Set(new PartnersystemMerkmal(clientId));
            }
            else
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        else if (user.Identity?.IsAuthenticated == true)
        {
            var sitzung = Guid.TryParse(user.FindFirstValue(Anspruch.Sitzung), out var sid)
                ? await sitzungen.PruefenAsync(sid, context.RequestAborted)
                : null;
            if (sitzung is null || sitzung.BenutzerId != user.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                if (user.Identity.AuthenticationType == IdentityConstants.ApplicationScheme)
                {
                    context.Response.Cookies.Delete(SicherheitsKonfiguration.CookieName, new CookieOptions { Secure = context.Request.IsHttps, Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
                    context.Items[SitzungAbgelaufen] = true;
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                sitzungen.Aktiv(sid);
                context.Features.Set(new SitzungsMerkmal(sitzung));
            }
        }

        await next(context);
    }
}
