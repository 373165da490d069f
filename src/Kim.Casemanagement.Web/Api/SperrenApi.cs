using Kim.Casemanagement.Application.Datenschutz.Sperrung;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// Holds (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X) under <c>/api/datenschutz</c> (policy Datenschutz): set one on a
/// Fall, lift it, list them. A held Fall is not erased, is read-only (every write answers 409) and is hidden from the
/// lists (docs/adr/0008-sperrung.md). Endpoints only bind, call the handler, map the result.
/// </summary>
internal static class SperrenApi
{
    public static RouteGroupBuilder MapSperrenApi(this RouteGroupBuilder g)
    {
        g.MapGet("/sperren", Sperren).WithName("Sperren")
            .WithSummary("Die Sperrungen (Art. 18 DSGVO) des Mandanten, neueste zuerst; Filter: aktiv (true: aktive, false: aufgehobene und abgelaufene), fallId.");
        g.MapPost("/faelle/{fallId:guid}/sperre", Setzen).WithName("SperreSetzen")
            .WithSummary("Sperrt einen Fall (Grund, optional „bis“, nicht in der Vergangenheit): er wird nicht gelöscht, ist nur lesbar und erscheint in keiner Liste; 409, solange eine Sperre aktiv ist.");
        g.MapPost("/faelle/{fallId:guid}/sperre/aufhebung", Aufheben).WithName("SperreAufheben")
            .WithSummary("Hebt die aktive Sperre eines Falls auf (Grund erforderlich, wird protokolliert); 409, wenn keine Sperre aktiv ist.");
        g.MapPost("/faelle/{fallId:guid}/loeschung", Loeschen).WithName("LoeschungAufAntrag")
            .WithSummary("Löschung auf Antrag (Art. 17 DSGVO): anonymisiert einen beendeten Fall sofort wie ein Löschlauf (Grund erforderlich); 409, wenn der Fall gesperrt oder nicht beendet ist; 404, wenn es ihn nicht (mehr) gibt.");
        return g;
    }

    private static async Task<Ok<Seite<SperreDetail>>> Sperren(bool? aktiv, Guid? fallId, int? seite, int? groesse, SperrungHandler handler, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await handler.SuchenAsync(new SperrenFilter(aktiv, fallId, seite ?? 1, groesse ?? 50), ct));
    }

    private static async Task<Created<SperreDetail>> Setzen(Guid fallId, SperreAnfrage? a, SperrungHandler handler, CancellationToken ct)
    {
        var sperre = await handler.SetzenAsync(fallId, a?.Grund, a?.Bis, ct);
        return TypedResults.Created($"/api/datenschutz/sperren?fallId={fallId}", sperre);
    }

    private static async Task<NoContent> Loeschen(Guid fallId, LoeschungAnfrage? a, Application.Datenschutz.Loeschung.EinzelloeschungHandler handler, CancellationToken ct)
    {
        await handler.LoeschenAsync(fallId, a?.Grund, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SperreDetail>> Aufheben(Guid fallId, SperreAufhebungAnfrage? a, SperrungHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.AufhebenAsync(fallId, a?.Grund, ct));
}

/// <summary>Body of POST /api/datenschutz/faelle/{fallId}/sperre: the reason (required) and the last day of the hold (optional: until further notice).</summary>
public sealed record SperreAnfrage(string? Grund, DateOnly? Bis);

/// <summary>Body of POST /api/datenschutz/faelle/{fallId}/loeschung: why the Fall is erased now (required, e.g. the request under Art. 17 DSGVO).</summary>
public sealed record LoeschungAnfrage(string? Grund);

/// <summary>Body of POST /api/datenschutz/faelle/{fallId}/sperre/aufhebung: why the hold is lifted (required).</summary>
public sealed record SperreAufhebungAnfrage(string? Grund);
