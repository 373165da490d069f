using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Admin;

/// <summary>Administration: accounts, roles, teams, deactivation (ends all sessions at once). No case content. Same services and audit entries as /api/admin.</summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikAdministration)]
public sealed class IndexModel(BenutzerVerwaltung verwaltung, IAktuellerBenutzer ich, IAuditProtokoll audit) : KimSeite
{
    public IReadOnlyList<BenutzerZeile> Benutzer { get; private set; } = [];

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    [BindProperty]
    public NeuerBenutzerEingabe Neu { get; set; } = new();

    [BindProperty]
    public string? TeamName { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LadenAsync(ct);

    public Task<IActionResult> OnPostDeaktivierenAsync(string id, CancellationToken ct) =>
        AusfuehrenAsync("Das Konto ist deaktiviert; alle Sitzungen sind beendet.", async () =>
        {
            if (id == ich.Id)
            {
                throw new DomainException("Das eigene Konto kann nicht deaktiviert werden.");
            }

            await verwaltung.DeaktivierenAsync(id, ich.Mandant, ct);
            audit.Vormerken("Admin.BenutzerDeaktiviert", id, null, null);
        }, ct);

    public Task<IActionResult> OnPostAktivierenAsync(string id, CancellationToken ct) =>
        AusfuehrenAsync("Das Konto ist wieder aktiv.", async () =>
        {
            await verwaltung.AktivierenAsync(id, ich.Mandant);
            audit.Vormerken("Admin.BenutzerAktiviert", id, null, null);
        }, ct);

    public Task<IActionResult> OnPostRollenAsync(string id, List<Rolle> rollen, CancellationToken ct) =>
        AusfuehrenAsync("Die Rollen sind gespeichert.", async () =>
        {
            var zeile = await verwaltung.RollenSetzenAsync(id, rollen, ich.Mandant, ct);
            audit.Vormerken("Admin.RollenGesetzt", $"{id}: {string.Join(",", zeile.Rollen)}", null, null);
        }, ct);

    public Task<IActionResult> OnPostAnlegenAsync(CancellationToken ct) =>
        AusfuehrenAsync("Das Konto ist angelegt. Die Person richtet bei der ersten Anmeldung den zweiten Faktor ein.", async () =>
        {
            var zeile = await verwaltung.AnlegenAsync(new NeuerBenutzer(Neu.Benutzername ?? string.Empty, Neu.Anzeigename ?? string.Empty, null, Neu.Rolle is { } r ? [r] : [], Neu.TeamId, Neu.Behoerde, Neu.Passwort ?? string.Empty), ich.Mandant, ct);
            audit.Vormerken("Admin.BenutzerAngelegt", zeile.Id, null, null);
        }, ct, "Neu.");

    public Task<IActionResult> OnPostTeamAsync(CancellationToken ct) =>
        AusfuehrenAsync("Das Team ist angelegt.", async () =>
        {
            var team = await verwaltung.TeamAnlegenAsync(TeamName ?? string.Empty, ich.Mandant, ct);
            audit.Vormerken("Admin.TeamAngelegt", team.Id.ToString(), null, null);
        }, ct);

    public string TeamName_(Guid? id) => id is null ? "–" : Teams.FirstOrDefault(t => t.Id == id)?.Name ?? "–";

    private async Task<IActionResult> AusfuehrenAsync(string erfolg, Func<Task> aktion, CancellationToken ct, string praefix = "")
    {
        if (await VersuchenAsync(aktion, praefix))
        {
            Erfolgsmeldung = erfolg;
            return Redirect("/Admin");
        }

        await LadenAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LadenAsync(CancellationToken ct)
    {
        Benutzer = (await verwaltung.ListeAsync(ich.Mandant, ct)).OrderBy(b => b.Benutzername, StringComparer.Ordinal).ToArray();
        Teams = await verwaltung.TeamsAsync(ich.Mandant, ct);
    }

    /// <summary>New account form.</summary>
    public sealed class NeuerBenutzerEingabe
    {
        public string? Benutzername { get; set; }

        public string? Anzeigename { get; set; }

        public Rolle? Rolle { get; set; }

        public Guid? TeamId { get; set; }

        public Behoerde? Behoerde { get; set; }

        public string? Passwort { get; set; }
    }
}
