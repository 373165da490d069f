using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;

namespace Kim.Casemanagement.Application.Faelle.Auslastung;

/// <summary>
/// Workload of the team lead's team, aggregated in the database under the same record filter as the caseload list (a
/// team lead sees the team's Fälle and the intake queue). Weight of one open Fall = phase weight × (1 + 0.25 per active
/// track), an active track being one that is not in its "nothing yet" state; ended Fälle (Abschluss, Abbruch,
/// Verweisung) do not count. The weights are a first proposal [D] for the team leads to calibrate.
/// </summary>
public sealed class AuslastungHandler(IFallAbfragen abfragen, IKalender kalender, FallZugriff zugriff, IAktuellerBenutzer benutzer, IAuditProtokoll audit)
{
    public const int StandardOhneKontaktTage = 30;
    private const int Seitengroesse = 200;
    private const int MaxWarteschlange = 500;

    public static decimal Phasengewicht(string phase) => Enum.TryParse<ProzessZustand>(phase, out var p) ? p switch
    {
        ProzessZustand.Anfrage or ProzessZustand.Klaerung => 0.5m,
        ProzessZustand.Assessment or ProzessZustand.Hilfeplanung => 1.5m,
        ProzessZustand.Umsetzung or ProzessZustand.Monitoring or ProzessZustand.Evaluation or ProzessZustand.Wiederaufnahme => 1.0m,
        ProzessZustand.Ruhend => 0.25m,
        _ => 0m,
    } : 0m;

    public static int AktiveSpuren(FallZeile z) =>
        (z.Aufenthalt != nameof(AufenthaltZustand.KeinStatus) ? 1 : 0)
        + (z.Leistungen != nameof(LeistungenZustand.KeinLeistungsbezug) ? 1 : 0)
        + (z.Bildung != nameof(BildungZustand.KeineBeratung) ? 1 : 0);

    public async Task<TeamAuslastung> HandleAsync(int? ohneKontaktTage, CancellationToken ct)
    {
        if (!benutzer.HatRolle(Rolle.Teamleitung))
        {
            throw new ZugriffVerweigertException("Die Auslastung sieht nur die Teamleitung.");
        }

        var sicht = zugriff.PruefeListe();
        var heute = kalender.Heute;
        var tage = ohneKontaktTage is > 0 and <= 3650 ? ohneKontaktTage.Value : StandardOhneKontaktTage;

        // The figures per case manager are aggregated in the database (one query each, whatever the team's size); only
        // the intake queue lists single Fälle.
        var roh = await abfragen.AuslastungAsync(sicht, heute, tage, ct);
        var wv = roh.Wiedervorlagen.ToDictionary(w => w.FallmanagerId);
        var zeilen = roh.Gruppen
            .GroupBy(g => g.FallmanagerId)
            .Select(g => new AuslastungZeile(
                g.Key,
                g.Sum(x => x.Anzahl),
                g.Sum(x => x.Anzahl * Phasengewicht(x.Phase) * (1m + (0.25m * x.AktiveSpuren))),
                wv.TryGetValue(g.Key, out var w) ? w.Faellig : 0,
                wv.TryGetValue(g.Key, out var u) ? u.FaelleMitUeberfaelliger : 0,
                g.Sum(x => x.OhneKontakt)))
            .OrderByDescending(z => z.Gewichtet)
            .ToArray();

        var warteschlange = new List<FallZeile>();
        for (var seite = 1; ; seite++)
        {
            var s = await abfragen.SuchenAsync(new FallSuche(Phase: nameof(ProzessZustand.Offen), OhneFallmanager: true, Sortierung: "geaendert", Absteigend: false, Seite: seite, Groesse: Seitengroesse), sicht, heute, ct);
            warteschlange.AddRange(s.Eintraege);
            if (seite >= s.Seiten || warteschlange.Count >= MaxWarteschlange)
            {
                break;
            }
        }

        audit.Vormerken("Team.Auslastung", $"{zeilen.Length} Fallmanager, {zeilen.Sum(z => z.AktiveFaelle)} Fälle (Summen)", null, null);
        foreach (var z in warteschlange)
        {
            audit.Vormerken("Fall.Warteschlange", null, z.Id, null);
        }

        return new TeamAuslastung(zeilen, warteschlange, tage);
    }
}
