using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Datenschutz;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The data protection officer's Art. 15 copy, client search and Art. 30 record for the API and the pages alike: the
/// same validation (German field messages), the same audit entries (every production, every client a search shows).
/// Authorisation is the policy <c>Datenschutz</c> on the routes and pages (ADR 0009: the Datenschutz role only).
/// </summary>
public sealed class AuskunftDienst(AuskunftErstellung auskunft, VerzeichnisErstellung verzeichnis, Application.Einstellungen.MandantEinstellungen einstellungen, IAktuellerBenutzer ich, IKalender kalender, IAuditProtokoll audit)
{
    /// <summary>The most hits a search shows.</summary>
    public const int HoechstensTreffer = 50;

    /// <summary>The audit action of every client a search shows.</summary>
    public const string SucheAktion = "Datenschutz.KlientSuche";

    /// <summary>Clients whose name or Aktenzeichen contains <paramref name="suche"/> (2 to 100 characters); true when there are more than shown.</summary>
    public async Task<(IReadOnlyList<KlientTreffer> Treffer, bool Begrenzt)> SuchenAsync(string? suche, CancellationToken ct)
    {
        var text = Texte.Normalisieren(suche) ?? string.Empty;
        if (text.Length is < 2 or > 100 || !Texte.IstGueltigerKurztext(text))
        {
            throw new DomainException("Ungültige Suche.", new Dictionary<string, string[]>
            {
                ["suche"] = ["Bitte geben Sie mindestens 2 und höchstens 100 Zeichen ein: einen Namen oder ein Aktenzeichen."],
            });
        }

        var treffer = await auskunft.SuchenAsync(text, ich.Mandant, HoechstensTreffer + 1, ct);
        var begrenzt = treffer.Count > HoechstensTreffer;
        var gezeigt = treffer.Take(HoechstensTreffer).ToArray();
        if (gezeigt.Length == 0)
        {
            audit.Vormerken(SucheAktion, "keine Treffer", null, null);
        }

        foreach (var t in gezeigt)
        {
            audit.Vormerken(SucheAktion, null, null, t.KlientId);
        }

        return (gezeigt, begrenzt);
    }

    /// <summary>The copy of one client; audited (with the outcome, also 404) as <see cref="AuskunftErstellung.AuditAktion"/> with the client's id.</summary>
    public Task<Auskunft> ErstellenAsync(Guid klientId, string form, CancellationToken ct)
    {
        audit.Vormerken(AuskunftErstellung.AuditAktion, form, null, klientId);
        return auskunft.ErstellenAsync(klientId, ich.Mandant, kalender.Jetzt, kalender.Heute, ct);
    }

    /// <summary>The Art. 30 record of the caller's Kommune as it stands today (its controller, its k); audited.</summary>
    public async Task<Verarbeitungsverzeichnis> VerzeichnisAsync(string form, CancellationToken ct)
    {
        audit.Vormerken(VerzeichnisErstellung.AuditAktion, form, null, null);
        var k = (await einstellungen.AktuellAsync(ich.Mandant, ct)).Mindestgroesse;
        return verzeichnis.Erstellen(kalender.Jetzt, kalender.Heute, ich.Mandant, k);
    }
}
