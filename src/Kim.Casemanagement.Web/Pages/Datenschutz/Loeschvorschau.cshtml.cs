using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// The dry run of the erasure job for the data-protection officer: the Fälle the next run would anonymise, so that a
/// hold can still be set. Stores nothing but its audit row; same use case as <c>GET /api/datenschutz/aufbewahrung/vorschau</c>.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class LoeschvorschauModel(AufbewahrungHandler handler) : KimSeite
{
    public IReadOnlyList<FaelligerFallZurLoeschung> Faelle { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Faelle = await handler.VorschauAsync(ct);
}
