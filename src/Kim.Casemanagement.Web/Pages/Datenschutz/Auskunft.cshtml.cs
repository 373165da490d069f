using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// Art. 15 copy for the Datenschutz role: find the client (name or Aktenzeichen; posted, so that no name ends up in an
/// address or a log), then show the copy as a printable page and offer it as JSON and as an HTML file. The same service
/// and audit entries as <c>/api/datenschutz/klienten…</c>; an unknown or erased client is the 404 page.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class AuskunftModel(AuskunftDienst dienst) : KimSeite
{
    [BindProperty]
    public string? Suche { get; set; }

    /// <summary>The client whose copy the page shows (from the search's link).</summary>
    [BindProperty(SupportsGet = true, Name = "klient")]
    public Guid? Klient { get; set; }

    public IReadOnlyList<KlientTreffer>? Treffer { get; private set; }

    public bool Begrenzt { get; private set; }

    public Auskunft? Ergebnis { get; private set; }

    /// <summary>The copy as HTML (encoded by <see cref="AuskunftHtml"/>).</summary>
    public string? Darstellung { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Klient is { } id)
        {
            Ergebnis = await dienst.ErstellenAsync(id, "seite", ct);
            Darstellung = AuskunftHtml.Fragment(Ergebnis);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Klient = null;
        if (!await VersuchenAsync(async () => (Treffer, Begrenzt) = await dienst.SuchenAsync(Suche, ct)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
