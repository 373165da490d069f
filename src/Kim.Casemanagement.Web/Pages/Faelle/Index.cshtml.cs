using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>Meine Fälle: the caseload the user may see (same handler and authorisation as GET /api/faelle), with search, filters, sorting, paging.</summary>
public sealed class IndexModel(FaelleSuchenHandler suchen, IBenutzerVerzeichnis verzeichnis) : KimSeite
{
    public static readonly IReadOnlyList<(string Wert, string Bezeichnung)> Phasen =
        Enum.GetValues<ProzessZustand>().Where(z => z is not ProzessZustand.Offen and not ProzessZustand.Aktiv).Select(z => (z.ToString(), ProzessKatalog.Bezeichnung(z))).ToArray();

    public static readonly IReadOnlyList<(string Spur, string SpurBezeichnung, IReadOnlyList<(string Wert, string Bezeichnung)> Zustaende)> Spurzustaende =
    [
        ("Aufenthalt", "Aufenthalt", Enum.GetValues<AufenthaltZustand>().Select(z => (z.ToString(), AufenthaltKatalog.Bezeichnung(z))).ToArray()),
        ("Leistungen", "Leistungen", Enum.GetValues<LeistungenZustand>().Select(z => (z.ToString(), LeistungenKatalog.Bezeichnung(z))).ToArray()),
        ("Bildung", "Bildung", Enum.GetValues<BildungZustand>().Select(z => (z.ToString(), BildungKatalog.Bezeichnung(z))).ToArray()),
    ];

    [BindProperty(SupportsGet = true, Name = "suche")]
    public string? Suche { get; set; }

    [BindProperty(SupportsGet = true, Name = "phase")]
    public string? Phase { get; set; }

    /// <summary>Track and state as "Spur:Zustand".</summary>
    [BindProperty(SupportsGet = true, Name = "spurzustand")]
    public string? Spurzustand { get; set; }

    [BindProperty(SupportsGet = true, Name = "faellig")]
    public bool Faellig { get; set; }

    [BindProperty(SupportsGet = true, Name = "ohneKontakt")]
    public int? OhneKontakt { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortierung")]
    public string Sortierung { get; set; } = "geaendert";

    [BindProperty(SupportsGet = true, Name = "absteigend")]
    public bool? Absteigend { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int SeiteNr { get; set; } = 1;

    public Seite<FallZeile>? Ergebnis { get; private set; }

    public Dictionary<string, string> Namen { get; } = [];

    public string Ueberschrift => User.IsInRole("Teamleitung") ? "Fälle des Teams" : User.IsInRole("Partner") ? "Freigegebene Fälle" : "Meine Fälle";

    public bool IstAbsteigend => Absteigend ?? Sortierung == "geaendert";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var teile = Spurzustand?.Split(':', 2);
        var suche = new FallSuche(
            Suche: string.IsNullOrWhiteSpace(Suche) ? null : Suche.Trim(),
            Phase: string.IsNullOrEmpty(Phase) ? null : Phase,
            Spur: teile is { Length: 2 } ? teile[0] : null,
            Zustand: teile is { Length: 2 } ? teile[1] : null,
            FaelligeWiedervorlagen: Faellig,
            OhneKontaktSeitTagen: OhneKontakt,
            Sortierung: Sortierung,
            Absteigend: IstAbsteigend,
            Seite: Math.Max(1, SeiteNr),
            Groesse: 25);
        await VersuchenAsync(async () => Ergebnis = await suchen.HandleAsync(suche, ct));
        foreach (var id in Ergebnis?.Eintraege.Select(e => e.FallmanagerId).OfType<string>().Distinct() ?? [])
        {
            Namen[id] = (await verzeichnis.FindenAsync(id, ct))?.Anzeigename ?? "unbekannt";
        }
    }

    /// <summary>The list's address with one parameter changed (sorting, page), the filters kept.</summary>
    public string Adresse(string? sortierung = null, bool? absteigend = null, int? seite = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["suche"] = Suche,
            ["phase"] = Phase,
            ["spurzustand"] = Spurzustand,
            ["faellig"] = Faellig ? "true" : null,
            ["ohneKontakt"] = OhneKontakt?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sortierung"] = sortierung ?? Sortierung,
            ["absteigend"] = (absteigend ?? IstAbsteigend) ? "true" : "false",
            ["seite"] = (seite ?? SeiteNr).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Faelle", q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>aria-sort of a column.</summary>
    public string? AriaSort(string spalte) => Sortierung == spalte ? (IstAbsteigend ? "descending" : "ascending") : null;
}
