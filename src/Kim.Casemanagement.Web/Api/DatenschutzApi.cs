using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>The data-protection officer's views: consent register, audit trail and its verification; holds (<see cref="SperrenApi"/>).</summary>
internal static class DatenschutzApi
{
    public static RouteGroupBuilder MapDatenschutzApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/datenschutz").WithTags("Datenschutz")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikDatenschutz).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/einwilligungen", Einwilligungen).WithName("Einwilligungsregister")
            .WithSummary("Alle Einwilligungen des Mandanten; Filter: empfaenger, status (gueltig, widerrufen, abgelaufen, kuenftig), fallId.");
        g.MapGet("/audit", Audit).WithName("Auditprotokoll").WithSummary("Das Zugriffsprotokoll, neueste zuerst; Filter: fallId, benutzerId, von, bis, aktion.");
        g.MapGet("/audit/pruefung", Pruefung).WithName("AuditPruefung").WithSummary("Prüft die Hash-Kette des Protokolls und nennt den ersten Bruch.");
        g.MapSperrenApi();
        return g;
    }

    private static async Task<Ok<AuditSeite>> Audit(
        Guid? fallId, string? benutzerId, DateTimeOffset? von, DateTimeOffset? bis, string? aktion, int? seite, int? groesse,
        AuditAbfrage abfrage, IAuditProtokoll audit, CancellationToken ct)
    {
        var s = seite ?? 1;
        var gr = groesse ?? 50;
        if (s is < 1 or > 100_000 || gr is < 1 or > AuditFilter.MaxGroesse || (benutzerId?.Length > 100) || (aktion?.Length > 100) || (von is not null && bis is not null && bis < von))
        {
            throw new DomainException("Ungültiger Filter.", new Dictionary<string, string[]> { ["filter"] = [$"Seite ab 1, Größe 1 bis {AuditFilter.MaxGroesse}, „bis“ nicht vor „von“, Texte höchstens 100 Zeichen."] });
        }

        audit.Vormerken("Datenschutz.Auditprotokoll", aktion, fallId, null);
        return TypedResults.Ok(await abfrage.SuchenAsync(new AuditFilter { FallId = fallId, BenutzerId = benutzerId, Von = von, Bis = bis, Aktion = aktion, Seite = s, Groesse = gr }, ct));
    }

    private static async Task<Ok<AuditPruefergebnis>> Pruefung(AuditPruefung pruefung, IAuditProtokoll audit, CancellationToken ct)
    {
        audit.Vormerken("Datenschutz.AuditPruefung", null, null, null);
        return TypedResults.Ok(await pruefung.PruefenAsync(ct));
    }

    private static async Task<Ok<RegisterSeite>> Einwilligungen(
        string? empfaenger, string? status, Guid? fallId, int? seite, int? groesse,
        EinwilligungsRegister register, IAktuellerBenutzer ich, IKalender kalender, IAuditProtokoll audit, CancellationToken ct)
    {
        Empfaenger? emp = null;
        if (empfaenger is not null)
        {
            emp = Enum.GetNames<Empfaenger>().Contains(empfaenger, StringComparer.Ordinal)
                ? Enum.Parse<Empfaenger>(empfaenger)
                : throw new DomainException("Unbekannter Empfänger.", new Dictionary<string, string[]> { ["empfaenger"] = [$"Erlaubt: {string.Join(", ", Enum.GetNames<Empfaenger>())}."] });
        }

        if (status is not (null or "gueltig" or "widerrufen" or "abgelaufen" or "kuenftig"))
        {
            throw new DomainException("Unbekannter Status.", new Dictionary<string, string[]> { ["status"] = ["Erlaubt: gueltig, widerrufen, abgelaufen, kuenftig."] });
        }

        var s = seite ?? 1;
        var gr = groesse ?? 50;
        if (s is < 1 or > 100_000 || gr is < 1 or > 500)
        {
            throw new DomainException("Ungültige Seite.", new Dictionary<string, string[]> { ["seite"] = ["Seite ab 1, Größe 1 bis 500."] });
        }

        var (eintraege, gesamt) = await register.SuchenAsync(ich.Mandant, emp, status, fallId, kalender.Heute, kalender.Jetzt, s, gr, ct);
        audit.Vormerken("Datenschutz.Einwilligungsregister", status, fallId, null);
        return TypedResults.Ok(new RegisterSeite(eintraege, gesamt, s, gr));
    }
}

/// <summary>One page of the consent register.</summary>
public sealed record RegisterSeite(IReadOnlyList<EinwilligungsEintrag> Eintraege, int Gesamt, int Seite, int Groesse);
