using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Anbieter;

/// <summary>
/// The provider's administration (ADR 0014): the Mandanten (Kommunen) of the installation: create, disable (its users'
/// sessions end at once), enable. Same validation, services and audit entries as /api/anbieter/mandanten.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikAnbieter)]
public sealed class MandantenModel(MandantenVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit) : KimSeite
{
    public IReadOnlyList<Mandant> Mandanten { get; private set; } = [];

    /// <summary>The Mandant of the signed-in provider account (cannot be disabled from here).</summary>
    public string EigenerMandant => ich.Mandant;

    [BindProperty]
    public Eingabe Neu { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Mandanten = await verwaltung.ListeAsync(ct);

    public Task<IActionResult> OnPostAnlegenAsync(CancellationToken ct) =>
        AusfuehrenAsync("Der Mandant ist angelegt. Das erste Administrationskonto der Kommune wird über die Kommandozeile angelegt (create-admin --mandant).", () => AnbieterApi.AnlegenAsync(new MandantAnfrage(Neu.Schluessel, Neu.Name), verwaltung, audit, ct), ct, "Neu.");

    public Task<IActionResult> OnPostDeaktivierenAsync(string schluessel, CancellationToken ct) =>
        AusfuehrenAsync("Der Mandant ist deaktiviert; alle Sitzungen seiner Konten sind beendet.", () => AnbieterApi.DeaktivierenAsync(schluessel, verwaltung, ich, audit, ct), ct);

    public Task<IActionResult> OnPostAktivierenAsync(string schluessel, CancellationToken ct) =>
        AusfuehrenAsync("Der Mandant ist wieder aktiv.", () => AnbieterApi.AktivierenAsync(schluessel, verwaltung, audit, ct), ct);

    private async Task<IActionResult> AusfuehrenAsync(string erfolg, Func<Task> aktion, CancellationToken ct, string praefix = "")
    {
        if (await VersuchenAsync(aktion, praefix))
        {
            Erfolgsmeldung = erfolg;
            return Redirect("/Anbieter/Mandanten");
        }

        Mandanten = await verwaltung.ListeAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form for a new Mandant.</summary>
    public sealed class Eingabe
    {
        public string? Schluessel { get; set; }

        public string? Name { get; set; }
    }
}
