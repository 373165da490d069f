using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Administration: accounts, roles, teams. No case content.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikAdministration).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/benutzer", Liste).WithName("BenutzerListe");
        g.MapPost("/benutzer", Anlegen).WithName("BenutzerAnlegen");
        g.MapPost("/benutzer/{id}/deaktivierung", Deaktivieren).WithName("BenutzerDeaktivieren").WithSummary("Sperrt das Konto und beendet sofort alle Sitzungen und Tokens.");
        g.MapPost("/benutzer/{id}/aktivierung", Aktivieren).WithName("BenutzerAktivieren");
        g.MapPut("/benutzer/{id}/rollen", RollenSetzen).WithName("RollenSetzen");
        g.MapGet("/teams", Teams).WithName("Teams");
        g.MapPost("/teams", TeamAnlegen).WithName("TeamAnlegen");
    }

    private static async Task<Ok<IReadOnlyList<BenutzerZeile>>> Liste(BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, CancellationToken ct) =>
        TypedResults.Ok(await verwaltung.ListeAsync(ich.Mandant, ct));

    private static async Task<Created<BenutzerZeile>> Anlegen(BenutzerAnfrage a, BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var zeile = await verwaltung.AnlegenAsync(new NeuerBenutzer(a.Benutzername ?? string.Empty, a.Anzeigename ?? string.Empty, a.Email, a.Rollen ?? [], a.TeamId, a.Behoerde, a.Passwort ?? string.Empty), ich.Mandant, ct);
        audit.Vormerken("Admin.BenutzerAngelegt", zeile.Id, null, null);
        return TypedResults.Created($"/api/admin/benutzer/{zeile.Id}", zeile);
    }

    private static async Task<Ok<BenutzerZeile>> Deaktivieren(string id, BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        if (id == ich.Id)
        {
            throw new DomainException("Das eigene Konto kann nicht deaktiviert werden.", new Dictionary<string, string[]> { ["id"] = ["Das eigene Konto kann nicht deaktiviert werden."] });
        }

        var zeile = await verwaltung.DeaktivierenAsync(id, ich.Mandant, ct);
        audit.Vormerken("Admin.BenutzerDeaktiviert", id, null, null);
        return TypedResults.Ok(zeile);
    }

    private static async Task<Ok<BenutzerZeile>> Aktivieren(string id, BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit)
    {
        var zeile = await verwaltung.AktivierenAsync(id, ich.Mandant);
        audit.Vormerken("Admin.BenutzerAktiviert", id, null, null);
        return TypedResults.Ok(zeile);
    }

    private static async Task<Ok<BenutzerZeile>> RollenSetzen(string id, RollenAnfrage a, BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var zeile = await verwaltung.RollenSetzenAsync(id, a.Rollen ?? [], ich.Mandant, ct);
        audit.Vormerken("Admin.RollenGesetzt", $"{id}: {string.Join(",", zeile.Rollen)}", null, null);
        return TypedResults.Ok(zeile);
    }

    private static async Task<Ok<IReadOnlyList<Team>>> Teams(BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, CancellationToken ct) =>
        TypedResults.Ok(await verwaltung.TeamsAsync(ich.Mandant, ct));

    private static async Task<Created<Team>> TeamAnlegen(TeamAnfrage a, BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var team = await verwaltung.TeamAnlegenAsync(a.Name ?? string.Empty, ich.Mandant, ct);
        audit.Vormerken("Admin.TeamAngelegt", team.Id.ToString(), null, null);
        return TypedResults.Created($"/api/admin/teams/{team.Id}", team);
    }
}

/// <summary>Body of POST /api/admin/benutzer.</summary>
public sealed record BenutzerAnfrage(string? Benutzername, string? Anzeigename, string? Email, IReadOnlyList<Rolle>? Rollen, Guid? TeamId, Behoerde? Behoerde, string? Passwort);

/// <summary>Body of PUT /api/admin/benutzer/{id}/rollen.</summary>
public sealed record RollenAnfrage(IReadOnlyList<Rolle>? Rollen);

/// <summary>Body of POST /api/admin/teams.</summary>
public sealed record TeamAnfrage(string? Name);
