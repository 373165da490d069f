using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>
/// The Lenkungsgruppe's report page ("Typische Fallverläufe"): filter form, process map as a graph with a table
/// alternative, variants, Kaplan-Meier durations, deviations, key figures and Themen counts; printable as the meeting
/// report. Binds the filter and calls <see cref="AnalysenHandler.BerichtAsync"/>; every figure is already suppressed there.
/// Without filter and track the page shows the stored report of all Fälle with its "Stand" (refreshed in the background);
/// a filter or a track is computed for the selection from the precomputed per-Fall projection (ADR 0004), also with its "Stand".
/// </summary>
[Authorize(Roles = nameof(Rolle.Lenkungsgruppe))]
public sealed class IndexModel(AnalysenHandler analysen) : PageModel
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

    public async Task OnGetAsync(CancellationToken ct)
    {
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
        var bericht = await analysen.BerichtAsync(filter, spur, ct);
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
