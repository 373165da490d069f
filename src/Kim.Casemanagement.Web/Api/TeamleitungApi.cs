using Kim.Casemanagement.Application.Faelle.Auslastung;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>The team lead's workload overview over HTTP (the same figures as the Teamleitung page).</summary>
internal static class TeamleitungApi
{
    public static void MapTeamleitungApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/teamleitung").WithTags("Teamleitung").RequireRateLimiting(Sicherheit.SicherheitsKonfiguration.RateApi);
        g.MapGet("/auslastung", Auslastung).WithName("TeamAuslastung")
            .WithSummary("Auslastung je Fallmanager (gewichtete aktive Fälle, fällige Wiedervorlagen, ohne Kontakt) und die Aufnahme-Warteschlange des eigenen Teams.");
    }

    private static async Task<Ok<TeamAuslastung>> Auslastung(int? ohneKontaktTage, AuslastungHandler handler, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await handler.HandleAsync(ohneKontaktTage, ct));
    }
}
