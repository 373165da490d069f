using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The data-protection officer's views: consent register, audit trail and its verification, retention overview and
/// erasure preview, Art. 15 copy and Art. 30 record (<c>AuskunftApi</c>), holds (<see cref="SperrenApi"/>). The same use
/// cases as the workplace's pages (<c>/Datenschutz/*</c>): same filters, same validation (400 with German messages per
/// field), same audit entries.
/// </summary>
internal static class DatenschutzApi
{
    public static RouteGroupBuilder MapDatenschutzApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/datenschutz").WithTags("Datenschutz")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikDatenschutz).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/einwilligungen", Einwilligungen).WithName("Einwilligungsregister")
            .WithSummary("Alle Einwilligungen des Mandanten; Filter: status (gueltig, ablaufend mit tage, abgelaufen, widerrufen, kuenftig), empfaenger, kategorie, von/bis (an mindestens einem Tag gültig), aktenzeichen (Anfang), fallId.");
        g.MapGet("/audit", Audit).WithName("Auditprotokoll").WithSummary("Das Zugriffsprotokoll, neueste zuerst; Filter: fallId oder aktenzeichen, benutzerId, von, bis, aktion (genau; mit Punkt am Ende alle Aktionen des Bereichs).");
        g.MapGet("/audit/pruefung", Pruefung).WithName("AuditPruefung").WithSummary("Prüft die Hash-Kette des Protokolls und nennt den ersten Bruch.");
        g.MapGet("/aufbewahrung", Aufbewahrung).WithName("Aufbewahrungsuebersicht")
            .WithSummary("Geltende Aufbewahrungsfristen, zur Löschung fällige und gesperrte Fälle (Anzahlen), letzte Löschläufe mit Löschprotokoll, Aufbewahrung des Zugriffsprotokolls.");
        g.MapGet("/aufbewahrung/vorschau", Vorschau).WithName("Loeschvorschau")
            .WithSummary("Probelauf: die Fälle, die der nächste Löschlauf anonymisieren würde (Aktenzeichen, beendet seit, löschbar ab; höchstens 1000), ohne etwas zu speichern; protokolliert.");
        g.MapAuskunftUndVerzeichnis();
        g.MapSperrenApi();
        return g;
    }

    private static async Task<Ok<ProtokollSeite>> Audit(
        Guid? fallId, string? aktenzeichen, string? benutzerId, DateTimeOffset? von, DateTimeOffset? bis, string? aktion, int? seite, int? groesse,
        ProtokollHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SuchenAsync(new ProtokollFilter
        {
            FallId = fallId,
            Aktenzeichen = aktenzeichen,
            BenutzerId = benutzerId,
            Von = von,
            Bis = bis,
            Aktion = aktion,
            Seite = seite ?? 1,
            Groesse = groesse ?? 50,
        }, ct));

    private static async Task<Ok<KettenPruefung>> Pruefung(ProtokollHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.PruefenAsync(ct));

    private static async Task<Ok<RegisterSeite>> Einwilligungen(
        string? empfaenger, string? status, int? tage, string? kategorie, DateOnly? von, DateOnly? bis, string? aktenzeichen, Guid? fallId, int? seite, int? groesse,
        EinwilligungsRegisterHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SuchenAsync(new RegisterFilter
        {
            Status = status,
            Tage = tage,
            Empfaenger = empfaenger,
            Kategorie = kategorie,
            Von = von,
            Bis = bis,
            Aktenzeichen = aktenzeichen,
            FallId = fallId,
            Seite = seite ?? 1,
            Groesse = groesse ?? 50,
        }, ct));

    private static async Task<Ok<IReadOnlyList<FaelligerFallZurLoeschung>>> Vorschau(AufbewahrungHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.VorschauAsync(ct));

    private static async Task<Ok<AufbewahrungsUebersicht>> Aufbewahrung(AufbewahrungHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.UebersichtAsync(ct));
}
