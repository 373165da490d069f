using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>
/// The retention overview for the data-protection officer. Shows counts and dates only, no person and no Fall, so
/// reading it is not an access to case data and writes no audit row.
/// </summary>
public sealed class AufbewahrungHandler(IAufbewahrungsUebersicht faelle, ILoeschnachweise nachweise, Rechtsregeltabelle regeln, IAktuellerBenutzer ich, IKalender kalender, IAuditProtokoll audit)
{
    /// <summary>At most this many Fälle in the preview of the next erasure run.</summary>
    public const int VorschauHoechstens = 1000;

    /// <summary>The audit action of the preview (it names Fälle by their file number: an access to case data).</summary>
    public const string VorschauAktion = "Datenschutz.Loeschvorschau";

    public const int AnzahlLaeufe = 10;

    public const int AnzahlEntfernteAbschnitte = 10;

    private const string Praefix = "Aufbewahrung.";

    /// <summary>The data classes of the Löschkonzept (docs/loeschkonzept.md, section 3, L1 to L5) per rule key: which data, from which trigger.</summary>
    private static readonly (string Schluessel, string Daten, string Ausloeser)[] Klassen =
    [
        (Regeln.AufbewahrungFallakte.Name, "Fallakte (Klient*in, Fall mit Spuren und Ereignissen, Notizen, Ziele, Wiedervorlagen, Einwilligungen, Überleitungen, Kompetenzprofil)", "Abschluss, Abbruch oder Verweisung des Falls"),
        (Regeln.AufbewahrungAuditprotokoll.Name, "Zugriffsprotokoll (wer hat wann was gelesen oder geändert)", "Zeitpunkt des Zugriffs"),
        (Regeln.AufbewahrungBenachrichtigungen.Name, "Benachrichtigungen im Posteingang", "Erstellung der Benachrichtigung"),
        (Regeln.AufbewahrungSitzungen.Name, "Sitzungen der Beschäftigten", "Ende oder Ablauf der Sitzung"),
        (Regeln.AufbewahrungIdempotenz.Name, "Idempotenzschlüssel von Schreibvorgängen mit gespeicherter Antwort", "Schreibvorgang"),
    ];

    public async Task<AufbewahrungsUebersicht> UebersichtAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        var heute = kalender.Heute;
        var jetzt = kalender.Jetzt;
        var stand = await faelle.FaelleAsync(ich.Mandant, heute, ct);
        var laeufe = await nachweise.LoeschlaeufeAsync(ich.Mandant, AnzahlLaeufe, ct);
        var audit = await nachweise.AuditAbschnitteAsync(AnzahlEntfernteAbschnitte, ct);

        DateTimeOffset? stichtag = null;
        var untergrenzeGilt = false;
        if (regeln.TryWert(Regeln.AufbewahrungAuditprotokoll, heute, out var frist))
        {
            stichtag = frist.Vor(jetzt);
            if (audit.Untergrenze is { } grenze && grenze < stichtag)
            {
                stichtag = grenze;
                untergrenzeGilt = true;
            }
        }

        return new AufbewahrungsUebersicht(heute, Fristen(heute), stand, laeufe, audit, stichtag, untergrenzeGilt);
    }

    /// <summary>
    /// The dry run for the data-protection officer: which Fälle the next erasure run would anonymise (file number,
    /// closing state and date, due since), so that a hold can still be set; stores nothing but its audit row.
    /// </summary>
    public async Task<IReadOnlyList<FaelligerFallZurLoeschung>> VorschauAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        var liste = await faelle.VorschauAsync(ich.Mandant, kalender.Heute, VorschauHoechstens, ct);
        audit.Vormerken(VorschauAktion, $"{liste.Count} Fälle", null, null);
        return liste;
    }

    /// <summary>Counts of Fälle due for erasure and held, for the workplace's start page.</summary>
    public Task<FaelleZurLoeschung> FaelleAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        return faelle.FaelleAsync(ich.Mandant, kalender.Heute, ct);
    }

    /// <summary>The newest erasure run, if any, for the workplace's start page.</summary>
    public async Task<Loeschlauf?> LetzterLaufAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        var laeufe = await nachweise.LoeschlaeufeAsync(ich.Mandant, 1, ct);
        return laeufe.Count > 0 ? laeufe[0] : null;
    }

    /// <summary>Every retention row in force today or later, in the order of the Löschkonzept's data classes (L1 to L5, then others by key), by date.</summary>
    private AufbewahrungsRegel[] Fristen(DateOnly heute)
    {
        return regeln.Rows
            .Where(r => r.Schluessel.StartsWith(Praefix, StringComparison.Ordinal) && (r.GiltAm(heute) || r.GueltigAb > heute))
            .OrderBy(r => Array.FindIndex(Klassen, k => k.Schluessel == r.Schluessel) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Schluessel, StringComparer.Ordinal)
            .ThenBy(r => r.GueltigAb)
            .Select(r =>
            {
                var klasse = Array.Find(Klassen, k => k.Schluessel == r.Schluessel);
                var (daten, ausloeser) = klasse.Schluessel is null ? (r.Schluessel[Praefix.Length..], "–") : (klasse.Daten, klasse.Ausloeser);
                return new AufbewahrungsRegel(r.Schluessel, daten, ausloeser, Frist.Parse(r.Wert), r.Wert, r.GueltigAb, r.GueltigBis, r.Quelle, r.GueltigAb > heute);
            })
            .ToArray();
    }
}
