using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The provider's administration (role Anbieteradministration, ADR 0014): the Mandanten (Kommunen) of the installation.
/// No accounts of a Kommune and no case content: a Kommune's first Administration account is created with the CLI
/// (<c>create-admin --mandant KEY</c>).
/// </summary>
internal static class AnbieterApi
{
    public static void MapAnbieterApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/anbieter/mandanten").WithTags("Anbieteradministration")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikAnbieter).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/", Liste).WithName("MandantenListe");
        g.MapPost("/", Anlegen).WithName("MandantAnlegen");
        g.MapPost("/{schluessel}/deaktivierung", Deaktivieren).WithName("MandantDeaktivieren")
            .WithSummary("Deaktiviert den Mandanten: seine Konten können sich nicht mehr anmelden, alle Sitzungen enden sofort.");
        g.MapPost("/{schluessel}/aktivierung", Aktivieren).WithName("MandantAktivieren");
    }

    private static async Task<Ok<IReadOnlyList<Mandant>>> Liste(MandantenVerwaltung verwaltung, CancellationToken ct) =>
        TypedResults.Ok(await verwaltung.ListeAsync(ct));

    private static async Task<Created<Mandant>> Anlegen(MandantAnfrage a, MandantenVerwaltung verwaltung, IAuditProtokoll audit, CancellationToken ct)
    {
        var mandant = await AnlegenAsync(a, verwaltung, audit, ct);
        return TypedResults.Created($"/api/anbieter/mandanten/{mandant.Schluessel}", mandant);
    }

    private static async Task<Ok<Mandant>> Deaktivieren(string schluessel, MandantenVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct) =>
        TypedResults.Ok(await DeaktivierenAsync(schluessel, verwaltung, ich, audit, ct));

    private static async Task<Ok<Mandant>> Aktivieren(string schluessel, MandantenVerwaltung verwaltung, IAuditProtokoll audit, CancellationToken ct) =>
        TypedResults.Ok(await AktivierenAsync(schluessel, verwaltung, audit, ct));

    /// <summary>API and page alike: validate, create, audit.</summary>
    internal static async Task<Mandant> AnlegenAsync(MandantAnfrage a, MandantenVerwaltung verwaltung, IAuditProtokoll audit, CancellationToken ct)
    {
        var mandant = await verwaltung.AnlegenAsync(a.Schluessel, a.Name, ct);
        audit.Vormerken("Anbieter.MandantAngelegt", mandant.Schluessel, null, null);
        return mandant;
    }

    internal static async Task<Mandant> DeaktivierenAsync(string schluessel, MandantenVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var (mandant, sitzungen) = await verwaltung.DeaktivierenAsync(schluessel, ich.Mandant, ct);
        audit.Vormerken("Anbieter.MandantDeaktiviert", $"{mandant.Schluessel}: {sitzungen} Sitzungen beendet", null, null);
        return mandant;
    }

    internal static async Task<Mandant> AktivierenAsync(string schluessel, MandantenVerwaltung verwaltung, IAuditProtokoll audit, CancellationToken ct)
    {
        var mandant = await verwaltung.AktivierenAsync(schluessel, ct);
        audit.Vormerken("Anbieter.MandantAktiviert", mandant.Schluessel, null, null);
        return mandant;
    }
}

/// <summary>Body of POST /api/anbieter/mandanten.</summary>
public sealed record MandantAnfrage(string? Schluessel, string? Name);
