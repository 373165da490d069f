using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>
/// The model of the Lenkungsgruppe's analysis pages ("Typische Fallverläufe"), one page per question: overview with the key
/// figures (<c>/Analysen</c>), process map, variants, durations, deviations and bottlenecks, Themen, and the printable
/// meeting report with all of them in one document (<c>/Analysen/Bericht</c>). Each page binds the same filter, shows the
/// same navigation (keeping the filter) and calls <see cref="AnalysenHandler.BerichtAsync"/>; every figure is already
/// suppressed there.
/// Without filter and track the page shows the stored report of all Fälle with its "Stand" (refreshed in the background);
/// a filter or a track is computed for the selection from the precomputed per-Fall projection (ADR 0004), also with its "Stand".
/// </summary>
[Authorize(Roles = nameof(Rolle.Lenkungsgruppe))]
public sealed class AnalysenModel(AnalysenHandler analysen) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Von { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Bis { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aufenthaltsstatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Altersgruppe { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? ZieldimensionI { get; set; }

    /// <summary>The track of the process map and the variants; empty: the map across tracks, variants of the process track.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Spur { get; set; }

    /// <summary>German error text of an invalid filter; then nothing else is shown.</summary>
    public string? Fehler { get; private set; }

    /// <summary>When the figures were computed.</summary>
    public DateTimeOffset Stand { get; private set; }

    /// <summary>The figures are the stored report of all Fälle (no filter, no track), not computed for this request.</summary>
    public bool Gespeichert { get; private set; }

    /// <summary>The figures were computed for this selection from the per-Fall projection as of <see cref="Stand"/>.</summary>
    public bool Vorberechnet { get; private set; }

    public Prozesslandkarte? Landkarte { get; private set; }

    public Variantenanalyse? Varianten { get; private set; }

    public Dauernanalyse? Dauern { get; private set; }

    public Abweichungsanalyse? Abweichungen { get; private set; }

    public Kennzahlenanalyse? Kennzahlen { get; private set; }

    public Themenuebersicht? Themen { get; private set; }

    /// <summary>The query string of the current filter.</summary>
    public string FilterAbfrage { get; private set; } = string.Empty;

    /// <summary>The track the page shows (null: the whole process, across tracks).</summary>
    public Domain.Common.Spur? GezeigteSpur { get; private set; }

    /// <summary>
    /// The process map as the page's drawing script reads it (embedded as JSON, not executed): the same published,
    /// already suppressed figures as the tables beside it, plus the track's short name for the details.
    /// </summary>
    public string KarteJson()
    {
        var karte = Landkarte ?? throw new InvalidOperationException("Keine Prozesslandkarte.");
        var daten = new
        {
            spuruebergreifend = karte.Spuruebergreifend,
            knoten = karte.Knoten.Select(k => new
            {
                id = k.Id,
                bezeichnung = k.Bezeichnung,
                spur = k.Spur is { } s ? Spurzustaende.Kurzname(s) : null,
                zustaendig = k.Zustaendig,
                anzahl = k.Anzahl,
                faelle = k.Faelle,
                median = k.MedianVerweildauerTage,
                p80 = k.P80VerweildauerTage,
                gesperrt = k.Gesperrt,
                rand = k.Spur is null && k.Zustand is null,
            }),
            kanten = karte.Kanten.Select(k => new { von = k.Von, nach = k.Nach, anzahl = k.Anzahl, faelle = k.Faelle, median = k.MedianTage, p80 = k.P80Tage }),
        };
        return System.Text.Json.JsonSerializer.Serialize(daten);
    }

    /// <summary>The query of a link to another analysis page: the filter and the chosen track.</summary>
    public string SeitenAbfrage =>
        GezeigteSpur is { } s ? new QueryString(FilterAbfrage).Add("spur", s.ToString()).ToString() : FilterAbfrage;

    /// <summary>
    /// The query of a table's CSV link: the filter and the track the page shows, so the file holds the table as shown (the
    /// variants of the chosen track, or of the process without one, as on the page).
    /// </summary>
    public string CsvAbfrage(string tabelle)
    {
        var spur = tabelle == "varianten" ? GezeigteSpur ?? Domain.Common.Spur.Prozess : GezeigteSpur;
        return spur is null ? FilterAbfrage : new QueryString(FilterAbfrage).Add("spur", spur.Value.ToString()).ToString();
    }

    /// <summary>
    /// The query of an XES link: the filter and the track the page shows, or <paramref name="spur"/> (the log of that track
    /// alone, or of every track). Per track the anonymous log keeps far more Fälle: across tracks most paths are rare.
    /// </summary>
    public string XesAbfrage(Domain.Common.Spur? spur = null) =>
        (spur ?? GezeigteSpur) is { } s ? new QueryString(FilterAbfrage).Add("spur", s.ToString()).ToString() : FilterAbfrage;

    /// <summary>The minimum group size k of the caller's Kommune (its own setting or the installation's), said on every page.</summary>
    public int Mindestgroesse { get; private set; }

    /// <summary>Whether the Kommune set k itself (else the installation's default applies).</summary>
    public bool MindestgroesseEigen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var einstellungen = await analysen.EinstellungenAsync(ct);
        Mindestgroesse = einstellungen.Mindestgroesse;
        MindestgroesseEigen = einstellungen.Ueberschreibungen.Mindestgroesse is not null;
        AnalyseFilter filter;
        Domain.Common.Spur? spur;
        try
        {
            filter = AnalyseEingaben.Filter(Von, Bis, Aufenthaltsstatus, Altersgruppe, ZieldimensionI, null);
            spur = AnalyseEingaben.Spur(Spur, erforderlich: false);
        }
        catch (DomainException e)
        {
            // The same German messages as the API's 400, shown inline next to the form.
            Fehler = string.Join(" ", e.Errors.SelectMany(f => f.Value).Prepend(e.Message));
            return;
        }

        FilterAbfrage = QueryString.Create(new Dictionary<string, string?>
        {
            ["von"] = Von?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["bis"] = Bis?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["aufenthaltsstatus"] = filter.Aufenthaltsstatus?.ToString(),
            ["altersgruppe"] = filter.Altersgruppe?.ToString(),
            ["zieldimensionI"] = filter.ZieldimensionI is { } zd ? (zd ? "true" : "false") : null,
        }.Where(p => p.Value is not null)).ToString();

        GezeigteSpur = spur;
        var route = "/" + PageContext.ActionDescriptor.AttributeRouteInfo?.Template;
        var seite = AnalysenSeiten.Alle.SingleOrDefault(s => string.Equals(s.Pfad, route, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Keine Analyseseite unter {route}.");
        var bericht = await analysen.BerichtAsync(filter, spur, seite.Teile, ct);
        Stand = bericht.Stand;
        Gespeichert = bericht.Gespeichert;
        Vorberechnet = bericht.Vorberechnet;
        Landkarte = bericht.Landkarte;
        Varianten = bericht.Varianten;
        Dauern = bericht.Dauern;
        Abweichungen = bericht.Abweichungen;
        Kennzahlen = bericht.Kennzahlen;
        Themen = bericht.Themen;
    }
}

/// <summary>
/// One analysis page: its path, its title in the navigation, the CSV tables it shows (and links), whether it links the XES
/// log, the analyses it shows (only those are computed for a filtered page), and whether it has the common filter (the
/// decisions and the side-by-side comparison have forms of their own).
/// </summary>
public sealed record AnalyseSeite(string Pfad, string Titel, string Frage, IReadOnlyList<string> Tabellen, bool MitXes, BerichtTeile Teile = BerichtTeile.Keine, bool MitFilter = true);

/// <summary>The analysis pages in the order of the navigation: one per question, then the meeting report with all of them.</summary>
public static class AnalysenSeiten
{
    public static AnalyseSeite Ueberblick { get; } = new("/Analysen", "Überblick", "Wie viele Fälle, wie lange, wie nah am Idealverlauf?", ["kennzahlen", "beendigungsgruende"], false,
        BerichtTeile.Konformitaet | BerichtTeile.Kennzahlen | BerichtTeile.Dauern | BerichtTeile.Varianten | BerichtTeile.Themen);

    public static AnalyseSeite Prozesslandkarte { get; } = new("/Analysen/Prozesslandkarte", "Prozesslandkarte", "Wie verlaufen die Fälle?", ["prozesslandkarte-knoten", "prozesslandkarte-kanten"], true, BerichtTeile.Landkarte);

    public static AnalyseSeite Varianten { get; } = new("/Analysen/Varianten", "Varianten", "Welche Verläufe sind typisch?", ["varianten"], true, BerichtTeile.Varianten);

    public static AnalyseSeite Dauern { get; } = new("/Analysen/Dauern", "Dauern", "Wie lange dauert es bis zu den Meilensteinen?", ["dauern", "dauern-kurven"], false, BerichtTeile.Dauern);

    public static AnalyseSeite Abweichungen { get; } = new("/Analysen/Abweichungen", "Abweichungen und Engpässe", "Wo weichen Fälle vom Idealverlauf ab, wo warten sie?", ["konformitaet", "abweichungen", "engpaesse"], false, BerichtTeile.Konformitaet | BerichtTeile.Engpaesse);

    public static AnalyseSeite Themen { get; } = new("/Analysen/Themen", "Generative Themen", "Welche strukturellen Probleme wurden gemeldet?", ["themen"], false, BerichtTeile.Themen);

    public static AnalyseSeite Bericht { get; } = new("/Analysen/Bericht", "Sitzungsbericht", "Alle Auswertungen in einem Dokument, zum Drucken für die Sitzung", AnalyseTabellen.Namen, true, BerichtTeile.Alle);

    /// <summary>The decisions and their before/after comparison (its own form; no filter, no export).</summary>
    public static AnalyseSeite Entscheidungen { get; } = new("/Analysen/Entscheidungen", "Entscheidungen", "Hat eine Entscheidung gewirkt? Vorher und nachher im Vergleich.", [], false, MitFilter: false);

    /// <summary>Any two selections side by side (its own form with two filters; no export).</summary>
    public static AnalyseSeite Vergleich { get; } = new("/Analysen/Vergleich", "Vergleich", "Wie unterscheiden sich zwei Gruppen von Fällen?", [], false, MitFilter: false);

    /// <summary>The pages with the filter of the analyses, in the order of the navigation.</summary>
    public static IReadOnlyList<AnalyseSeite> Alle { get; } = [Ueberblick, Prozesslandkarte, Varianten, Dauern, Abweichungen, Themen, Bericht];

    /// <summary>The navigation: the analyses, the decisions, the side-by-side comparison, the meeting report.</summary>
    public static IReadOnlyList<AnalyseSeite> Navigation { get; } = [Ueberblick, Prozesslandkarte, Varianten, Dauern, Abweichungen, Themen, Entscheidungen, Vergleich, Bericht];
}
