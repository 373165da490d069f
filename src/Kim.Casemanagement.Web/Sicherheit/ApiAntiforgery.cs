using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// API writes authenticated by the login cookie (from the web UI's scripts) must carry the antiforgery token in the
/// <c>X-CSRF-TOKEN</c> header; writes with a bearer token are not exposed to CSRF.
/// </summary>
internal sealed class ApiAntiforgery(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var unsicher = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
        if (unsicher && context.Request.Path.StartsWithSegments("/api")
            && context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 403, Title = "Nicht erlaubt", Detail = "Die Anfrage enthält kein gültiges Sicherheitsmerkmal (Antiforgery). Bitte laden Sie die Seite neu." },
            });
            return;
        }

        await next(context);
    }
}
