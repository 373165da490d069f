using System.Security.Claims;
using System.Text.Json;
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
            fehlt = await PartnersystemPruefenAsync(context, user, scopes);
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

    private static async Task<string?> PartnersystemPruefenAsync(HttpContext context, ClaimsPrincipal user, HashSet<string> scopes)
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

            // The track's scope: the Behörde's own track, also for answers to referrals addressed to it.
            var spur = await SpurLesenAsync(context);
            var eigene = behoerde.AlsSpur();
            if (spur is not null && spur != eigene && spur != Spur.Ueberleitung)
            {
                return "Partnersysteme führen nur Schritte auf der Spur ihrer Behörde aus.";
            }

            var scope = "kim.partner." + eigene.ToString().ToLowerInvariant();
            return scopes.Contains(scope) ? null : $"Dem Zugriffstoken fehlt der Bereich „{scope}“.";
        }

        return NichtFreigegeben;
    }

    /// <summary>The <c>spur</c> of a step request's body (read from a buffer, the endpoint reads it again); null when absent or unreadable (the endpoint answers that).</summary>
    private static async Task<Spur?> SpurLesenAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (string.Equals(p.Name, "spur", StringComparison.OrdinalIgnoreCase))
                    {
                        return p.Value.ValueKind switch
                        {
                            JsonValueKind.String when Enum.TryParse<Spur>(p.Value.GetString(), ignoreCase: false, out var s) && Enum.IsDefined(s) => s,
                            JsonValueKind.Number when p.Value.TryGetInt32(out var n) && Enum.IsDefined((Spur)n) => (Spur)n,
                            _ => null,
                        };
                    }
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            context.Request.Body.Position = 0;
        }
    }
}
