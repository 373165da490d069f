using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>401/403 as German ProblemDetails for the API; redirects to the login or two-factor pages for the browser UI.</summary>
internal sealed class AutorisierungsAntworten(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs");
        if (authorizeResult.Succeeded || !api)
        {
            var zweiFaktorFehlt = authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is ZweiFaktorAnforderung) == true;
            if (!authorizeResult.Succeeded && zweiFaktorFehlt && context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Redirect("/Konto/ZweiFaktor");
                return;
            }

            if (!authorizeResult.Succeeded && authorizeResult.Challenged && context.Items.ContainsKey(SitzungsPruefung.SitzungAbgelaufen))
            {
                // The browser had a session that has ended (idle, absolute lifetime, logout elsewhere, deactivation): say so.
                var zurueck = Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
                context.Response.Redirect($"/Konto/Anmelden?grund=abgelaufen&zurueck={zurueck}");
                return;
            }

            await _standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var angemeldet = context.User.Identity?.IsAuthenticated == true;
        var status = authorizeResult.Challenged || !angemeldet ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        var detail = status == StatusCodes.Status401Unauthorized
            ? "Bitte melden Sie sich an (Anmeldung abgelaufen, beendet oder fehlend)."
            : authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is ZweiFaktorAnforderung)?.Message
              ?? "Diese Aktion ist für Ihre Rolle nicht erlaubt.";
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = status == 401 ? "Nicht angemeldet" : "Nicht erlaubt", Detail = detail },
        });
    }
}
