using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// Generative Themen on a Fall (<c>/api/faelle/{fallId}/themen</c>): its case manager flags one (POST) and records how it
/// stands (PATCH: offen, in der Lenkungsgruppe, erledigt), with the rights of writing a note; those who may read the
/// Fall's notes list them (GET). The Lenkungsgruppe never reaches a single Thema: it sees counts by category and state
/// only (<c>GET /api/analysen/themen</c>), without descriptions, ids or Fälle.
/// </summary>
public static class ThemenApi
{
    public static IEndpointRouteBuilder MapThemenApi(this IEndpointRouteBuilder routes)
    {
        var fall = routes.MapGroup("/api/faelle/{fallId:guid}/themen").WithTags("Generative Themen")
            .RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        fall.MapPost("/", Melden).WithName("ThemaMelden").WithSummary("Meldet ein generatives Thema (strukturelles Problem) an einem Fall; Beschreibung ohne personenbezogene Angaben.");
        fall.MapGet("/", DesFalls).WithName("ThemenDesFalls").WithSummary("Die an diesem Fall gemeldeten Themen.");
        fall.MapPatch("/{id:guid}", StatusAendern).WithName("ThemaStatusAendern").WithSummary("Ändert den Status eines Themas dieses Falls (Offen, InLenkungsgruppe, Erledigt); Version im Body oder If-Match.");
        return routes;
    }

    private static async Task<Created<ThemaDetail>> Melden(Guid fallId, ThemaMeldungAnfrage a, ThemenHandler handler, CancellationToken ct)
    {
        var thema = await handler.MeldenAsync(fallId, a.Kategorie, a.Beschreibung, ct);
        return TypedResults.Created($"/api/faelle/{fallId}/themen/{thema.Id}", thema);
    }

    private static async Task<Ok<IReadOnlyList<ThemaDetail>>> DesFalls(Guid fallId, ThemenHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.DesFallsAsync(fallId, ct));

    private static async Task<Ok<ThemaDetail>> StatusAendern(Guid fallId, Guid id, ThemaStatusAnfrage a, ThemenHandler handler, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await handler.StatusAendernAsync(fallId, id, a.Status, Versionen.Erwartet(http, a.Version), ct));
}

/// <summary>Body of POST /api/faelle/{fallId}/themen.</summary>
internal sealed record ThemaMeldungAnfrage(ThemaKategorie Kategorie, string? Beschreibung);

/// <summary>Body of PATCH /api/faelle/{fallId}/themen/{id}.</summary>
internal sealed record ThemaStatusAnfrage(ThemaStatus Status, int? Version);
