using System.Security.Claims;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// Scopes per endpoint group for requests with a JWT access token (after authentication and the session or client
/// check, before the application's authorisation, which still decides per role and record):
/// a person's token needs the scope of the group (<c>kim.faelle</c>, <c>kim.konto</c>, …); a partner system reaches
/// only reading its consented Fälle (<c>kim.partner.lesen</c>) and firing steps on its Behörde's track
/// (<c>kim.partner.&lt;spur&gt;</c>), never intake, administration, data protection or the UI. Every call of a partner
/// system is audited with its client id. Cookie and Identity bearer requests are not affected.
/// </summary>
internal sealed class Zugriffsbereiche(RequestDelegate next)
{
    private static readonly (string Praefix, string Scope)[] Gruppen =
    [
        ("/api/faelle", "kim.faelle"),
        ("/api/spuren", "kim.faelle"),
        ("/api/konto", "kim.konto"),
        ("/api/benachrichtigungen", "kim.konto"),
        ("/hubs", "kim.konto"),
        ("/api/teamleitung", "kim.teamleitung"),
        ("/api/analysen", "kim.analysen"),
        ("/api/datenschutz", "kim.datenschutz"),
        ("/api/admin", "kim.admin"),
    ];

    public async Task InvokeAsync(HttpContext context, IAuditProtokoll audit)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: TokendienstKonfiguration.JwtSchema })
        {
            await next(context);
            return;
        }

        var scopes = user.FindAll(TokendienstKonfiguration.ClaimScope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var pfad = context.Request.Path;
        string? fehlt;
        if (user.HasClaim(c => c.Type == TokendienstKonfiguration.ClaimPartnersystem))
        {
            // The audit row's actor is the principal's id, "partnersystem:<client id>".
            fehlt = PartnersystemPruefen(context, user, scopes);
            audit.Vormerken(fehlt is null ? "Partnersystem.Aufruf" : "Partnersystem.Verweigert", $"{context.Request.Method} {pfad}", null, null);
        }
        else
        {
            var gruppe = Gruppen.FirstOrDefault(g => pfad.StartsWithSegments(g.Praefix));
            fehlt = gruppe.Scope is null
                ? "Zugriffstoken gelten nur für die API."
                : scopes.Contains(gruppe.Scope) ? null : $"Dem Zugriffstoken fehlt der Bereich „{gruppe.Scope}“.";
        }

        if (fehlt is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 403, Title = "Nicht erlaubt", Detail = fehlt },
            });
            return;
        }

        await next(context);
    }

    private static string? PartnersystemPruefen(HttpContext context, ClaimsPrincipal user, HashSet<string> scopes)
    {
        const string NichtFreigegeben = "Für Partnersysteme ist dieser Endpunkt nicht freigegeben.";
        var pfad = context.Request.Path;
        var teile = pfad.Value?.Trim('/').Split('/') ?? [];
        var methode = context.Request.Method;
        var istFall = teile.Length >= 3 && teile[0] == "api" && teile[1] == "faelle" && Guid.TryParse(teile[2], out _);
        if (HttpMethods.IsGet(methode))
        {
            var lesen = (teile.Length == 2 && teile[0] == "api" && teile[1] == "faelle")
                || (istFall && teile.Length == 3)
                || (istFall && teile.Length == 4 && teile[3] == "ereignisse")
                || (teile.Length == 4 && teile[0] == "api" && teile[1] == "spuren" && teile[3] == "diagramm");
            return !lesen ? NichtFreigegeben : scopes.Contains("kim.partner.lesen") ? null : "Dem Zugriffstoken fehlt der Bereich „kim.partner.lesen“.";
        }

        if (HttpMethods.IsPost(methode) && istFall && teile.Length == 4 && teile[3] == "schritte")
        {
            if (!Enum.TryParse<Behoerde>(user.FindFirstValue(Anspruch.Behoerde), out var behoerde))
            {
                return NichtFreigegeben;
            }

            // Firing steps needs the scope of the Behörde's track; which track and which referral answer the record
            // rules decide (FallZugriff, as for a person of the Behörde: 404 for a Fall it may not see, 403 otherwise).
            var eigene = behoerde.AlsSpur();
            var scope = "kim.partner." + eigene.ToString().ToLowerInvariant();
            return scopes.Contains(scope) ? null : $"Dem Zugriffstoken fehlt der Bereich „{scope}“.";
        }

        return NichtFreigegeben;
    }
}
