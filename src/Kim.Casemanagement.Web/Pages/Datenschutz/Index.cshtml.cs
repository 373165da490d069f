using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Arbeitsplatz;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>The data-protection officer's start page: key figures from the stored data and the way to every page of the workplace.</summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class IndexModel(ArbeitsplatzHandler handler, IBenutzerVerzeichnis verzeichnis, IKalender kalender) : KimSeite
{
    public ArbeitsplatzKennzahlen Kennzahlen { get; private set; } = null!;

    /// <summary>Who ran the latest verification of the audit chain (display name), if anyone did.</summary>
    public string? PrueferName { get; private set; }

    public DateTimeOffset Stand { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stand = kalender.Jetzt;
        Kennzahlen = await handler.KennzahlenAsync(ct);
        if (Kennzahlen.LetztePruefung is { } p)
        {
            PrueferName = (await verzeichnis.FindenAsync(p.BenutzerId, ct))?.Anzeigename ?? p.BenutzerId;
        }
    }
}
