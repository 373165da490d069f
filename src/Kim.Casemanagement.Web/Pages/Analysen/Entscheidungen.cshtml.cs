using Kim.Casemanagement.Application.Analysen.Entscheidungen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>
/// The Lenkungsgruppe's decisions: the form to record one (what, which authority, from which day, optional Themen
/// categories), the list, and for a chosen decision (<c>?id=</c>) its before/after comparison
/// (<see cref="EntscheidungenHandler.VergleichAsync"/>, suppressed like every analysis).
/// </summary>
[Authorize(Roles = nameof(Rolle.Lenkungsgruppe))]
public sealed class EntscheidungenModel(EntscheidungenHandler handler) : PageModel
{
    [BindProperty]
    public string? Titel { get; set; }

    [BindProperty]
    public string? Behoerde { get; set; }

    [BindProperty]
    public DateOnly? GiltAb { get; set; }

    [BindProperty]
    public List<string> Themen { get; set; } = [];

    /// <summary>German messages per field of a refused form.</summary>
    public IReadOnlyDictionary<string, string[]> Fehler { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<Entscheidung> Liste { get; private set; } = [];

    public EntscheidungsVergleich? Vergleich { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Liste = await handler.ListeAsync(ct);
        if (id is { } gewaehlt)
        {
            try
            {
                Vergleich = await handler.VergleichAsync(gewaehlt, ct);
            }
            catch (NichtGefundenException)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var e = await handler.ErfassenAsync(Titel, Behoerde, GiltAb, Themen, ct);
            return Redirect($"/Analysen/Entscheidungen?id={e.Id}#vergleich");
        }
        catch (DomainException e)
        {
            Fehler = e.Errors;
            Liste = await handler.ListeAsync(ct);
            return Page();
        }
    }
}
