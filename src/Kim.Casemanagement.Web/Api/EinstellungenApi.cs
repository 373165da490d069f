using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The settings of the caller's own Kommune (issue 18 item 3): minimum group size, FTE and ideal flow of the analyses,
/// lead times of the deadline scheduler. Administration of the Kommune only; there is no Mandant in the path or body, so
/// another Kommune's settings can be neither read nor changed. Every change is audited with the old and new values.
/// </summary>
internal static class EinstellungenApi
{
    /// <summary>The audit action of a change (detail: the changed fields, old → new; no personal data).</summary>
    public const string AuditAktion = "Admin.EinstellungenGeaendert";

    public static void MapEinstellungenApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/admin/einstellungen").WithTags("Administration")
            .RequireAuthorization(SicherheitsKonfiguration.PolitikAdministration).RequireRateLimiting(SicherheitsKonfiguration.RateApi);
        g.MapGet("/", Lesen).WithName("EinstellungenLesen")
            .WithSummary("Die Einstellungen der eigenen Kommune: je Wert der wirksame Wert, der Standard der Installation und ob er überschrieben ist; die Version auch als ETag.");
        g.MapPut("/", Aendern).WithName("EinstellungenAendern")
            .WithSummary("Ersetzt die Einstellungen der eigenen Kommune; ein leeres Feld (null) gilt als Standard der Installation. Mit der gelesenen Version (If-Match oder Feld version) nur, wenn niemand inzwischen gespeichert hat, sonst 409. Ungültige Angaben: 400 mit Fehlern je Feld, nichts gespeichert.");
    }

    private static async Task<Ok<EinstellungenAntwort>> Lesen(MandantEinstellungen einstellungen, IAktuellerBenutzer ich, HttpContext http, CancellationToken ct)
    {
        var antwort = Antwort(await einstellungen.AktuellAsync(ich.Mandant, ct), einstellungen);
        http.Response.Headers.ETag = ETag(antwort.Version);
        return TypedResults.Ok(antwort);
    }

    private static async Task<Ok<EinstellungenAntwort>> Aendern(EinstellungenAnfrage a, MandantEinstellungen einstellungen, IAktuellerBenutzer ich, IAuditProtokoll audit, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        var antwort = await AendernAsync(a with { Version = a.Version ?? Versionen.IfMatch(http) }, einstellungen, ich, audit, ct);
        http.Response.Headers.ETag = ETag(antwort.Version);
        return TypedResults.Ok(antwort);
    }

    /// <summary>The settings' version as a strong ETag.</summary>
    public static string ETag(string version) => $"\"{version}\"";

    /// <summary>
    /// The one change path of the API and the page: checks, stores (only over the version the caller read, if it names
    /// one), audits (old → new), answers the effective settings.
    /// </summary>
    public static async Task<EinstellungenAntwort> AendernAsync(EinstellungenAnfrage a, MandantEinstellungen einstellungen, IAktuellerBenutzer ich, IAuditProtokoll audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (vorher, nachher) = await einstellungen.AendernAsync(ich.Mandant, Ueberschreibungen(a), ich.Id, a.Version, ct);
        audit.Vormerken(AuditAktion, MandantEinstellungen.Aenderungen(vorher, nachher), null, null);
        return Antwort(nachher, einstellungen);
    }

    /// <summary>The request's overrides; an unknown track name is refused like every other wrong field (German, per field).</summary>
    public static MandantUeberschreibungen Ueberschreibungen(EinstellungenAnfrage a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Dictionary<Spur, IdealverlaufSpur>? ideal = null;
        if (a.Idealverlauf is { Count: > 0 })
        {
            ideal = [];
            var fehler = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (name, wert) in a.Idealverlauf)
            {
                if (!Enum.TryParse<Spur>(name, ignoreCase: false, out var spur) || !Enum.IsDefined(spur) || !string.Equals(spur.ToString(), name, StringComparison.Ordinal))
                {
                    fehler[$"idealverlauf.{name}"] = [$"„{name}“ ist keine Spur. Erlaubt: {string.Join(", ", Enum.GetNames<Spur>())}."];
                    continue;
                }

                ideal[spur] = new IdealverlaufSpur { Pfade = [.. wert?.Pfade ?? []], Wartezustaende = [.. wert?.Wartezustaende ?? []] };
            }

            if (fehler.Count > 0)
            {
                throw new DomainException("Die Einstellungen wurden nicht gespeichert: Bitte korrigieren Sie die markierten Angaben.", fehler);
            }
        }

        return new MandantUeberschreibungen(a.Mindestgroesse, a.Vollzeitstellen, ideal, a.TitelVorlaufWochen, a.EinwilligungVorlaufTage, a.KooperationsplanVorlaufTage, a.ChancenaufenthaltsrechtVorlaufWochen);
    }

    public static EinstellungenAntwort Antwort(WirksameEinstellungen e, MandantEinstellungen einstellungen)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(einstellungen);
        var s = einstellungen.Standard(e.Mandant);
        var u = e.Ueberschreibungen;
        return new EinstellungenAntwort(
            e.Mandant,
            e.Version,
            e.GeaendertAm,
            s.Mindestgroesse,
            new EinstellungsWert<int>(e.Mindestgroesse, s.Mindestgroesse, u.Mindestgroesse is not null),
            new EinstellungsWert<decimal?>(e.Vollzeitstellen, s.Vollzeitstellen, u.Vollzeitstellen is not null),
            Enum.GetValues<Spur>()
                .Select(spur => new IdealverlaufWert(spur, Spurzustaende.Kurzname(spur), e.Idealverlauf[spur], s.Idealverlauf[spur], u.Idealverlauf?.ContainsKey(spur) == true, Spurzustaende.Namen(spur)))
                .ToList(),
            new EinstellungsWert<int>(e.TitelVorlaufWochen, s.TitelVorlaufWochen, u.TitelVorlaufWochen is not null),
            new EinstellungsWert<int>(e.EinwilligungVorlaufTage, s.EinwilligungVorlaufTage, u.EinwilligungVorlaufTage is not null),
            new EinstellungsWert<int>(e.KooperationsplanVorlaufTage, s.KooperationsplanVorlaufTage, u.KooperationsplanVorlaufTage is not null),
            new EinstellungsWert<int>(e.ChancenaufenthaltsrechtVorlaufWochen, s.ChancenaufenthaltsrechtVorlaufWochen, u.ChancenaufenthaltsrechtVorlaufWochen is not null));
    }
}

/// <summary>
/// Body of PUT /api/admin/einstellungen: every field optional; null (or missing) = the installation's default.
/// <see cref="Version"/> (or an If-Match header): the version the caller read; then the save is refused (409) if someone
/// saved in between.
/// </summary>
public sealed record EinstellungenAnfrage(
    int? Mindestgroesse,
    decimal? Vollzeitstellen,
    Dictionary<string, IdealverlaufAnfrage?>? Idealverlauf,
    int? TitelVorlaufWochen,
    int? EinwilligungVorlaufTage,
    int? KooperationsplanVorlaufTage,
    int? ChancenaufenthaltsrechtVorlaufWochen,
    string? Version = null);

/// <summary>The ideal flow of one track: paths of state names joined by "&gt;", and the waiting states.</summary>
public sealed record IdealverlaufAnfrage(IReadOnlyList<string>? Pfade, IReadOnlyList<string>? Wartezustaende);

/// <summary>One setting: the value that applies, the installation's default, and whether the Kommune overrides it.</summary>
public sealed record EinstellungsWert<T>(T Wirksam, T Standard, bool Ueberschrieben);

/// <summary>The ideal flow of one track as it applies, the installation's, whether overridden, and the track's state names.</summary>
public sealed record IdealverlaufWert(Spur Spur, string Bezeichnung, IdealverlaufSpur Wirksam, IdealverlaufSpur Standard, bool Ueberschrieben, IReadOnlyList<string> Zustaende);

/// <summary>The answer of GET and PUT /api/admin/einstellungen; <see cref="Version"/> is what a change sends back to be checked against.</summary>
public sealed record EinstellungenAntwort(
    string Mandant,
    string Version,
    DateTimeOffset? GeaendertAm,
    int MindestgroesseUntergrenze,
    EinstellungsWert<int> Mindestgroesse,
    EinstellungsWert<decimal?> Vollzeitstellen,
    IReadOnlyList<IdealverlaufWert> Idealverlauf,
    EinstellungsWert<int> TitelVorlaufWochen,
    EinstellungsWert<int> EinwilligungVorlaufTage,
    EinstellungsWert<int> KooperationsplanVorlaufTage,
    EinstellungsWert<int> ChancenaufenthaltsrechtVorlaufWochen);
