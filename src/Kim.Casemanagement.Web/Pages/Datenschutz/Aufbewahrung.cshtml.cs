using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// The retention overview: periods in force from the rule table, Fälle due for erasure and held (counts), the erasure
/// job's last runs with their Löschprotokoll, the audit trail's retention. Counts and dates only; same use case as
/// <c>GET /api/datenschutz/aufbewahrung</c>.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class AufbewahrungModel(AufbewahrungHandler handler) : KimSeite
{
    public AufbewahrungsUebersicht Daten { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Daten = await handler.UebersichtAsync(ct);
}
