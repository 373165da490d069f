using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// Generative Themen. On a Fall (<c>/api/faelle/{fallId}/themen</c>): its case manager flags one (POST, the rights of
/// writing a note), those who may read its notes list them (GET). For the Lenkungsgruppe (<c>/api/themen</c>, role
/// Lenkungsgruppe with two-factor sign-in): the tenant's Themen without any Fall (GET) and the change of state (PATCH).
/// </summary>
public static class ThemenApi
{
    public static IEndpointRouteBuilder MapThemenApi(this IEndpointRouteBuilder routes)
    {
        var fall = routes.MapGroup("/api/faelle/{fallId:guid}/themen").WithTags("Generative Themen")
            .RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        fall.MapPost("/", Melden).WithName("ThemaMelden").WithSummary("Meldet ein generatives Thema (strukturelles Problem) an einem Fall; Beschreibung ohne personenbezogene Angaben.");
        fall.MapGet("/", DesFalls).WithName("ThemenDesFalls").WithSummary("Die an diesem Fall gemeldeten Themen.");

        var lenkung = routes.MapGroup("/api/themen").WithTags("Generative Themen")
            .RequireAuthorization(AnalysenApi.NurLenkungsgruppe)
            .RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        lenkung.MapGet("/", Liste).WithName("ThemenListe").WithSummary("Lenkungsgruppe: alle Themen des Mandanten ohne Fallbezug; Filter status, kategorie.");
        lenkung.MapPatch("/{id:guid}", StatusAendern).WithName("ThemaStatusAendern").WithSummary("Lenkungsgruppe: ändert den Status (Offen, InLenkungsgruppe, Erledigt).");
        return routes;
    }

    private static async Task<Created<ThemaDetail>> Melden(Guid fallId, ThemaMeldungAnfrage a, ThemenHandler handler, CancellationToken ct)
    {
        var thema = await handler.MeldenAsync(fallId, a.Kategorie, a.Beschreibung, ct);
        return TypedResults.Created($"/api/faelle/{fallId}/themen", thema);
    }

    private static async Task<Ok<IReadOnlyList<ThemaDetail>>> DesFalls(Guid fallId, ThemenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.DesFallsAsync(fallId, ct));

    private static async Task<Ok<IReadOnlyList<ThemaEintrag>>> Liste(string? status, string? kategorie, ThemenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListeAsync(AnalyseEingaben.Aufzaehlung<ThemaStatus>(status, "status"), AnalyseEingaben.Aufzaehlung<ThemaKategorie>(kategorie, "kategorie"), ct));

    private static async Task<Ok<ThemaEintrag>> StatusAendern(Guid id, ThemaStatusAnfrage a, ThemenHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await handler.StatusAendernAsync(id, a.Status, Versionen.Erwartet(http, a.Version), ct));
}

/// <summary>Body of POST /api/faelle/{fallId}/themen.</summary>
internal sealed record ThemaMeldungAnfrage(ThemaKategorie Kategorie, string? Beschreibung);

/// <summary>Body of PATCH /api/themen/{id}.</summary>
internal sealed record ThemaStatusAnfrage(ThemaStatus Status, int? Version);
