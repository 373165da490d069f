using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>
/// Any two selections of Fälle side by side (<c>/Analysen/Vergleich</c>): two filters A and B with the same fields as the
/// analysis pages (query <c>a.von</c> … <c>b.zieldimensionI</c>, as the API <c>GET /api/analysen/vergleich</c> takes
/// them), compared by <see cref="AnalysenHandler.AuswahlenVergleichenAsync"/> under the analyses' suppression. Nothing is
/// computed before the form is sent.
/// </summary>
[Authorize(Roles = nameof(Rolle.Lenkungsgruppe))]
public sealed class VergleichModel(AnalysenHandler analysen) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "a.von")]
    public string? AVon { get; set; }

    [BindProperty(SupportsGet = true, Name = "a.bis")]
    public string? ABis { get; set; }

    [BindProperty(SupportsGet = true, Name = "a.aufenthaltsstatus")]
    public string? AAufenthaltsstatus { get; set; }

    [BindProperty(SupportsGet = true, Name = "a.altersgruppe")]
    public string? AAltersgruppe { get; set; }

    [BindProperty(SupportsGet = true, Name = "a.zieldimensionI")]
    public string? AZieldimensionI { get; set; }

    [BindProperty(SupportsGet = true, Name = "b.von")]
    public string? BVon { get; set; }

    [BindProperty(SupportsGet = true, Name = "b.bis")]
    public string? BBis { get; set; }

    [BindProperty(SupportsGet = true, Name = "b.aufenthaltsstatus")]
    public string? BAufenthaltsstatus { get; set; }

    [BindProperty(SupportsGet = true, Name = "b.altersgruppe")]
    public string? BAltersgruppe { get; set; }

    [BindProperty(SupportsGet = true, Name = "b.zieldimensionI")]
    public string? BZieldimensionI { get; set; }

    /// <summary>German messages per field (<c>a.bis</c>, <c>b.altersgruppe</c>, …) of a refused selection.</summary>
    public IReadOnlyDictionary<string, string[]> Fehler { get; private set; } = new Dictionary<string, string[]>();

    public Vergleich? Ergebnis { get; private set; }

    /// <summary>When the figures were read (the per-Fall projection's "Stand", else now).</summary>
    public DateTimeOffset? Stand { get; private set; }

    /// <summary>The figures come from the per-Fall projection as of <see cref="Stand"/> (ADR 0004), not from the event log.</summary>
    public bool Vorberechnet { get; private set; }

    /// <summary>The minimum group size k of the caller's Kommune (said on the page).</summary>
    public int Mindestgroesse { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mindestgroesse = (await analysen.EinstellungenAsync(ct)).Mindestgroesse;
        if (!Request.Query.ContainsKey("vergleichen"))
        {
            return;
        }

        try
        {
            var (a, b) = AnalyseEingaben.Auswahlen(
                new AuswahlEingabe(AVon, ABis, AAufenthaltsstatus, AAltersgruppe, AZieldimensionI),
                new AuswahlEingabe(BVon, BBis, BAufenthaltsstatus, BAltersgruppe, BZieldimensionI));
            Ergebnis = await analysen.AuswahlenVergleichenAsync(a, b, ct);
            Vorberechnet = analysen.Vorberechnet is not null;
            Stand = analysen.Vorberechnet ?? DateTimeOffset.Now;
        }
        catch (DomainException e)
        {
            Fehler = e.Errors;
        }
    }
}
