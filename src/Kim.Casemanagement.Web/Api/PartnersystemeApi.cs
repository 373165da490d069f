using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Tokendienst;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// Administration of partner systems (machine clients of the token service, ADR 0010): register (the secret is shown
/// once), rotate the secret (the previous one stays valid for the overlap), disable (its tokens stop at once), enable.
/// </summary>
internal static partial class PartnersystemeApi
{
    public static void MapPartnersystemeApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/admin/partnersysteme").WithTags("Administration")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikAdministration).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/", Liste).WithName("PartnersystemeListe");
        g.MapPost("/", Anlegen).WithName("PartnersystemAnlegen").WithSummary("Registriert ein Partnersystem; das Geheimnis wird nur in dieser Antwort gezeigt.");
        g.MapPost("/{clientId}/geheimnis", Erneuern).WithName("PartnersystemGeheimnisErneuern").WithSummary("Neues Geheimnis; das bisherige gilt noch für die Übergangszeit.");
        g.MapPost("/{clientId}/deaktivierung", Deaktivieren).WithName("PartnersystemDeaktivieren").WithSummary("Sperrt das Partnersystem; seine Tokens gelten sofort nicht mehr.");
        g.MapPost("/{clientId}/aktivierung", Aktivieren).WithName("PartnersystemAktivieren");
    }

    /// <summary>The scopes a partner system of the Behörde may get: reading, and the steps of its own track.</summary>
    public static IReadOnlyList<string> ErlaubteScopes(Behoerde behoerde) => ["kim.partner.lesen", "kim.partner." + behoerde.AlsSpur().ToString().ToLowerInvariant()];

    private static async Task<Ok<IReadOnlyList<PartnersystemAntwort>>> Liste(ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PartnersystemAntwort>>((await verzeichnis.ListeAsync(ich.Mandant, ClientArt.Partnersystem, ct)).Select(Antwort).ToList());

    private static async Task<Created<PartnersystemMitGeheimnis>> Anlegen(PartnersystemAnfrage a, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var neu = await RegistrierenAsync(a, verzeichnis, ich, audit, ct);
        return TypedResults.Created($"/api/admin/partnersysteme/{neu.Partnersystem.ClientId}", neu);
    }

    /// <summary>Validates and registers a partner system (API and page alike); German messages per field on refusal.</summary>
    internal static async Task<PartnersystemMitGeheimnis> RegistrierenAsync(PartnersystemAnfrage a, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var fehler = new Dictionary<string, string[]>();
        var clientId = a.ClientId?.Trim() ?? string.Empty;
        if (!ClientIdMuster().IsMatch(clientId))
        {
            fehler["clientId"] = ["Die Kennung besteht aus 3 bis 64 Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich und beginnt mit einem Buchstaben oder einer Ziffer."];
        }

        var name = a.Anzeigename?.Trim() ?? string.Empty;
        if (name.Length is < 1 or > 200)
        {
            fehler["anzeigename"] = ["Bitte geben Sie einen Namen an (höchstens 200 Zeichen)."];
        }

        if (a.Behoerde is not { } behoerde || !Enum.IsDefined(behoerde))
        {
            fehler["behoerde"] = ["Bitte wählen Sie die Partnerbehörde."];
            behoerde = default;
        }

        var scopes = (a.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (fehler.Count == 0 && (scopes.Count == 0 || scopes.Except(ErlaubteScopes(behoerde)).Any()))
        {
            fehler["scopes"] = [$"Erlaubt sind für diese Behörde nur: {string.Join(", ", ErlaubteScopes(behoerde))}."];
        }

        if (fehler.Count > 0)
        {
            throw new DomainException("Das Partnersystem wurde nicht registriert.", fehler);
        }

        var geheimnis = await verzeichnis.PartnersystemAnlegenAsync(clientId, name, ich.Mandant, behoerde, scopes, ich.Id, ct)
            ?? throw new KonfliktException("Diese Kennung ist bereits vergeben.");
        audit.Vormerken("Admin.PartnersystemRegistriert", clientId, null, null);
        var eintrag = (await verzeichnis.FindenAsync(clientId, ct))!.Client;
        return new PartnersystemMitGeheimnis(Antwort(eintrag), geheimnis);
    }

    private static async Task<Ok<PartnersystemMitGeheimnis>> Erneuern(string clientId, ClientVerzeichnis verzeichnis, IOptions<TokendienstOptionen> optionen, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct) =>
        TypedResults.Ok(await ErneuernAsync(clientId, verzeichnis, optionen.Value, ich, audit, ct));

    internal static async Task<PartnersystemMitGeheimnis> ErneuernAsync(string clientId, ClientVerzeichnis verzeichnis, TokendienstOptionen optionen, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        var geheimnis = await verzeichnis.GeheimnisErneuernAsync(clientId, ich.Mandant, optionen.GeheimnisUeberlappung, ich.Id, ct)
            ?? throw new NichtGefundenException("Das Partnersystem wurde nicht gefunden.");
        audit.Vormerken("Admin.PartnersystemGeheimnisErneuert", clientId, null, null);
        return new PartnersystemMitGeheimnis(Antwort((await verzeichnis.FindenAsync(clientId, ct))!.Client), geheimnis);
    }

    private static Task<Ok<PartnersystemAntwort>> Deaktivieren(string clientId, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct) =>
        AktivSetzenAsync(clientId, false, verzeichnis, ich, audit, ct);

    private static Task<Ok<PartnersystemAntwort>> Aktivieren(string clientId, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct) =>
        AktivSetzenAsync(clientId, true, verzeichnis, ich, audit, ct);

    private static async Task<Ok<PartnersystemAntwort>> AktivSetzenAsync(string clientId, bool aktiv, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct) =>
        TypedResults.Ok(await AktivSetzenOhneAntwortAsync(clientId, aktiv, verzeichnis, ich, audit, ct));

    internal static async Task<PartnersystemAntwort> AktivSetzenOhneAntwortAsync(string clientId, bool aktiv, ClientVerzeichnis verzeichnis, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        if (!await verzeichnis.AktivSetzenAsync(clientId, ich.Mandant, aktiv, ich.Id, ct))
        {
            throw new NichtGefundenException("Das Partnersystem wurde nicht gefunden.");
        }

        audit.Vormerken(aktiv ? "Admin.PartnersystemAktiviert" : "Admin.PartnersystemDeaktiviert", clientId, null, null);
        return Antwort((await verzeichnis.FindenAsync(clientId, ct))!.Client);
    }

    private static PartnersystemAntwort Antwort(TokendienstClient c) =>
        new(c.ClientId, c.Anzeigename, c.Behoerde?.ToString() ?? string.Empty, c.Scopes, c.Aktiv, c.VorherigesGeheimnisBis, c.ErstelltAm, c.GeaendertAm);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex ClientIdMuster();
}

/// <summary>Body of POST /api/admin/partnersysteme.</summary>
public sealed record PartnersystemAnfrage(string? ClientId, string? Anzeigename, Behoerde? Behoerde, IReadOnlyList<string>? Scopes);

public sealed record PartnersystemAntwort(string ClientId, string Anzeigename, string Behoerde, IReadOnlyList<string> Scopes, bool Aktiv, DateTimeOffset? VorherigesGeheimnisGiltBis, DateTimeOffset ErstelltAm, DateTimeOffset GeaendertAm);

/// <summary>A partner system with its new secret: the only time the secret is shown.</summary>
public sealed record PartnersystemMitGeheimnis(PartnersystemAntwort Partnersystem, string Geheimnis);
